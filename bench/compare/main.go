// Command compare measures brexlint against the loading floor and the
// linters users already run, on real modules nobody here wrote, and prints
// a Markdown report of medians and ratios (bench/RESULTS.md is its output,
// with the machine and the date).
//
// For each module (fetched at a pinned version with go mod download and
// copied to a scratch directory, its dependencies downloaded and its
// packages and tests compiled into a private, warmed build cache) it runs,
// in rounds that alternate the tools so that a slow moment of the machine
// hits them all alike:
//
//   - brexlint ./...                      (standalone, tests included, without its run cache)
//   - brexlint ./... (second run)         (answered by its run cache: the module is unchanged)
//   - floor ./...                         (the same driver running one no-op analyzer that declares a fact)
//   - go vet ./...                        (cold: a fresh copy of the build cache without vet results; warm)
//   - go vet -vettool=brexlint ./...      (cold; warm)
//   - staticcheck ./...                   (an empty analysis cache each run)
//   - gosec ./...
//
// and then a paired series for the ratio to the floor: rounds of floor,
// brexlint, brexlint, floor (-pairs, default 7), whose median ratio is
// reported next to the ratio of the medians.
//
// Wall time is the elapsed time of the command; peak memory is the largest
// resident set of the command or any process it waited for (wait4's
// ru_maxrss, as GNU time -v reports it): for go vet that is the largest vet
// process, not their sum.
//
// Robustness: brexlint's standard error must hold no panic and no analysis
// error, and its findings on each module are printed in the report for a
// verdict (RESULTS.md gives one per finding).
//
// Usage, from the repository root (see bench/run.sh):
//
//	go run ./bench/compare [-runs 3] [-pairs 7] [-work DIR] [module@version ...]
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// The pinned modules and tools. Change them together with RESULTS.md.
var (
	defaultModules = []string{
		"golang.org/x/oauth2@v0.38.0",
		"github.com/stripe/stripe-go/v82@v82.5.1",
		// github.com/cli/cli/v2 is not served by the module proxy here;
		// Caddy is a large application of the same kind.
		"github.com/caddyserver/caddy/v2@v2.11.9",
	}
	staticcheckPkg = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
	gosecPkg       = "github.com/securego/gosec/v2/cmd/gosec@v2.30.0"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("compare: ")
	runs := flag.Int("runs", 3, "measured rounds per module")
	pairs := flag.Int("pairs", 7, "rounds of the paired brexlint/floor series per module")
	work := flag.String("work", "", "scratch directory (default: a new temporary one, removed at the end)")
	flag.Parse()
	modules := flag.Args()
	if len(modules) == 0 {
		modules = defaultModules
	}
	repo, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, "cmd", "brexlint")); err != nil {
		log.Fatal("run from the brexlint repository root")
	}
	if *work == "" {
		dir, err := os.MkdirTemp("", "brexlint-bench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*work = dir
	}
	b := &bench{repo: repo, work: *work, bin: filepath.Join(*work, "bin")}
	b.installTools()

	fmt.Printf("Measured %s on %s/%s, %d CPUs, %s; %d rounds, medians.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), goVersion(), *runs)
	fmt.Printf("Tools: brexlint at %s, %s, %s, go vet of %s.\n\n", b.revision(), staticcheckPkg, gosecPkg, goVersion())
	for _, mod := range modules {
		// Each module's section as soon as it is measured: a long run
		// cut short keeps what it has.
		var rep strings.Builder
		b.module(&rep, mod, *runs, *pairs)
		fmt.Print(rep.String())
	}
}

type bench struct {
	repo, work, bin string
}

// run runs a command for setup and fails loudly.
func (b *bench) run(dir string, env []string, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func (b *bench) installTools() {
	log.Print("building brexlint and the floor; installing ", staticcheckPkg, " and ", gosecPkg)
	b.run(b.repo, nil, "go", "build", "-o", filepath.Join(b.bin, "brexlint"), "./cmd/brexlint")
	b.run(b.repo, nil, "go", "build", "-o", filepath.Join(b.bin, "floor"), "./bench/floor")
	// Outside the repository, so that its go.mod does not apply.
	env := []string{"GOBIN=" + b.bin, "GOFLAGS="}
	b.run(b.work, env, "go", "install", staticcheckPkg)
	b.run(b.work, env, "go", "install", gosecPkg)
}

func (b *bench) revision() string {
	out, err := exec.Command("git", "-C", b.repo, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "(no git)"
	}
	return strings.TrimSpace(string(out))
}

func goVersion() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(out))
}

// fetch downloads mod@version and copies it to a writable directory.
func (b *bench) fetch(mod string) string {
	out, err := exec.Command("go", "mod", "download", "-json", mod).Output()
	if err != nil {
		log.Fatalf("go mod download %s: %v", mod, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		log.Fatalf("go mod download %s: %v %s", mod, err, info.Error)
	}
	dst := filepath.Join(b.work, "src", strings.NewReplacer("/", "_", "@", "_").Replace(mod))
	if err := copyTree(info.Dir, dst); err != nil {
		log.Fatal(err)
	}
	return dst
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// variant is one measured command.
type variant struct {
	name string
	args []string
	env  func(round int) []string // extra environment, per round
	ok   func(code int) bool      // accepted exit codes
}

type sample struct {
	wall time.Duration
	rss  int64 // KiB
}

func (b *bench) module(rep *strings.Builder, mod string, runs, pairs int) {
	log.Print("preparing ", mod)
	dir := b.fetch(mod)
	warm := filepath.Join(b.work, "cache", "warm")
	snap := filepath.Join(b.work, "cache", "snap-"+filepath.Base(dir))
	cacheEnv := []string{"GOCACHE=" + warm, "GOFLAGS=-mod=mod"}
	b.run(dir, cacheEnv, "go", "mod", "download")
	b.run(dir, cacheEnv, "go", "build", "./...")
	// Compile the tests without running them: some need services
	// (stripe-go's TestMain wants stripe-mock).
	b.run(dir, cacheEnv, "go", "test", "-count=1", "-exec", "/bin/true", "./...")
	// The cold vet cache: the compiled packages without vet results.
	b.run(b.work, nil, "cp", "-al", warm, snap)
	cold := func(tag string) func(int) []string {
		return func(round int) []string {
			c := filepath.Join(b.work, "cache", fmt.Sprintf("cold-%s-%s-%d", filepath.Base(dir), tag, round))
			os.RemoveAll(c)
			b.run(b.work, nil, "cp", "-al", snap, c)
			return []string{"GOCACHE=" + c, "GOFLAGS=-mod=mod"}
		}
	}
	warmEnv := func(int) []string { return cacheEnv }
	// brexlint's own run cache (internal/runcache) would answer every
	// round after the first: the first-run figures are measured without
	// it, and "second run" with a cache that one unmeasured run filled.
	noRunCache := func(int) []string { return append([]string{"BREXLINT_CACHE=off"}, cacheEnv...) }
	runCacheDir := filepath.Join(b.work, "cache", "brexlint-"+filepath.Base(dir))
	runCache := func(int) []string { return append([]string{"BREXLINT_CACHE=" + runCacheDir}, cacheEnv...) }
	anyExit := func(int) bool { return true }
	zeroOrFindings := func(code int) bool { return code == 0 || code == 1 || code == 3 }
	brexlint := filepath.Join(b.bin, "brexlint")
	first := variant{"brexlint", []string{brexlint, "./..."}, noRunCache, func(c int) bool { return c == 0 || c == 3 }}
	floor := variant{"floor", []string{filepath.Join(b.bin, "floor"), "./..."}, warmEnv, func(c int) bool { return c == 0 }}
	vs := []variant{
		first,
		{"brexlint (second run)", []string{brexlint, "./..."}, runCache, func(c int) bool { return c == 0 || c == 3 }},
		floor,
		{"go vet (cold)", []string{"go", "vet", "./..."}, cold("vet"), zeroOrFindings},
		{"go vet (warm)", []string{"go", "vet", "./..."}, warmEnv, zeroOrFindings},
		{"go vet -vettool=brexlint (cold)", []string{"go", "vet", "-vettool=" + brexlint, "./..."}, cold("bvet"), zeroOrFindings},
		{"go vet -vettool=brexlint (warm)", []string{"go", "vet", "-vettool=" + brexlint, "./..."}, warmEnv, zeroOrFindings},
		{"staticcheck", []string{filepath.Join(b.bin, "staticcheck"), "./..."}, func(round int) []string {
			c := filepath.Join(b.work, "cache", fmt.Sprintf("staticcheck-%s-%d", filepath.Base(dir), round))
			os.RemoveAll(c)
			return append([]string{"STATICCHECK_CACHE=" + c, "XDG_CACHE_HOME=" + c}, cacheEnv...)
		}, anyExit},
		{"gosec", []string{filepath.Join(b.bin, "gosec"), "-quiet", "-fmt=text", "./..."}, warmEnv, anyExit},
	}
	// Warm the vet caches and brexlint's run cache once, unmeasured.
	for _, v := range vs {
		if strings.Contains(v.name, "warm") || strings.Contains(v.name, "second run") {
			b.measure(dir, v, 0)
		}
	}

	samples := map[string][]sample{}
	for round := 1; round <= runs; round++ {
		log.Printf("%s: round %d of %d", mod, round, runs)
		order := slices.Clone(vs)
		// Rotate the order each round.
		for i := 0; i < round-1; i++ {
			order = append(order[1:], order[0])
		}
		for _, v := range order {
			s, _ := b.measure(dir, v, round)
			samples[v.name] = append(samples[v.name], s)
			log.Printf("%s\t%s\t%.2f s\t%d MiB", mod, v.name, s.wall.Seconds(), s.rss/1024)
		}
	}

	// The paired series: brexlint/floor measured on runs next to each
	// other, floor, brexlint, brexlint, floor, so that a drift of the
	// machine within a round weighs on both alike. On a shared 2-core
	// machine one tool's median over three rounds moves by a tenth from
	// one bench to the next (the floor of stripe-go between 1.03 and
	// 1.25 s); the ratio of each round does not move with it.
	var ratios []float64
	for round := 1; round <= pairs; round++ {
		var f, bl time.Duration
		for _, v := range []variant{floor, first, first, floor} {
			s, _ := b.measure(dir, v, round)
			if v.name == floor.name {
				f += s.wall
			} else {
				bl += s.wall
			}
		}
		ratios = append(ratios, bl.Seconds()/f.Seconds())
		log.Printf("%s\tpaired round %d\tbrexlint/floor %.2f", mod, round, ratios[len(ratios)-1])
	}

	med := map[string]sample{}
	for name, ss := range samples {
		med[name] = median(ss)
	}
	fmt.Fprintf(rep, "## %s\n\n", mod)
	fmt.Fprintf(rep, "| command | wall (s) | peak RSS (MiB) | wall / floor | brexlint wall / this |\n|---|---:|---:|---:|---:|\n")
	for _, v := range vs {
		m := med[v.name]
		fmt.Fprintf(rep, "| `%s` | %.2f | %d | %.2f | %.2f |\n", v.name, m.wall.Seconds(), m.rss/1024,
			m.wall.Seconds()/med["floor"].wall.Seconds(), med["brexlint"].wall.Seconds()/m.wall.Seconds())
	}
	bl, sc := med["brexlint"], med["staticcheck"]
	fmt.Fprintf(rep, "\nbrexlint/floor %.2fx (target ≤ 1.3x; %s); brexlint/staticcheck %.2fx (target ≤ 0.15x); brexlint/gosec %.2fx (target ≤ 0.2x); peak memory brexlint/staticcheck %.2fx (target ≤ 1x); second run/first %.2fx (target ≤ 0.2x).\n\n",
		bl.wall.Seconds()/med["floor"].wall.Seconds(), pairedSummary(ratios), bl.wall.Seconds()/sc.wall.Seconds(),
		bl.wall.Seconds()/med["gosec"].wall.Seconds(), float64(bl.rss)/float64(sc.rss),
		med["brexlint (second run)"].wall.Seconds()/bl.wall.Seconds())

	// Robustness: one more brexlint run, its findings and errors kept.
	stdout, stderr, code := b.output(dir, noRunCache(0), brexlint, "./...")
	fmt.Fprintf(rep, "brexlint ./... exit status %d; ", code)
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") || strings.TrimSpace(stderr) != "" {
		fmt.Fprintf(rep, "standard error:\n\n```\n%s```\n\n", stderr)
	} else {
		fmt.Fprintf(rep, "no panic, no analysis error.\n\n")
	}
	if strings.TrimSpace(stdout) == "" {
		fmt.Fprintf(rep, "Findings: none.\n\n")
	} else {
		fmt.Fprintf(rep, "Findings:\n\n```\n%s```\n\n", stdout)
	}
}

func (b *bench) measure(dir string, v variant, round int) (sample, int) {
	cmd := exec.Command(v.args[0], v.args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), v.env(round)...)
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			log.Fatalf("%s: %v", v.name, err)
		}
		code = ee.ExitCode()
	}
	if !v.ok(code) {
		log.Fatalf("%s in %s: exit status %d\n%s", v.name, dir, code, tail(errBuf.String(), 2000))
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return sample{wall, rss}, code
}

func (b *bench) output(dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	return o.String(), e.String(), code
}

// pairedSummary describes the ratios of the paired series: their median,
// and each round's, in order.
func pairedSummary(ratios []float64) string {
	if len(ratios) == 0 {
		return "no paired series"
	}
	each := make([]string, len(ratios))
	for i, r := range ratios {
		each[i] = fmt.Sprintf("%.2f", r)
	}
	return fmt.Sprintf("paired series %.2fx, median of %d rounds: %s", middle(ratios), len(ratios), strings.Join(each, ", "))
}

// median is the sample of the median wall time and median peak RSS.
func median(ss []sample) sample {
	walls := make([]time.Duration, len(ss))
	rss := make([]int64, len(ss))
	for i, s := range ss {
		walls[i], rss[i] = s.wall, s.rss
	}
	return sample{middle(walls), middle(rss)}
}

// middle returns the median of xs, the upper of the two middle values
// for an even count (every series here has an odd one by default).
func middle[T cmp.Ordered](xs []T) T {
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	return sorted[len(sorted)/2]
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
