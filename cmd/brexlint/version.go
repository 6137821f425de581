package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/brexlint/brexlint/internal/brexapi"
)

// versionFlag implements -V and -V=full. go vet runs "-V=full" to learn the
// tool's identity for its cache: the line must read
// "NAME version devel ... buildID=HASH". Between the two we name the
// catalogue date, so that users (and bug reports) see which snapshot of the
// Brex API the checks judged against.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	switch s {
	case "full":
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		f, err := os.Open(exe)
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
		fmt.Printf("brexlint version devel %s catalogue=%s buildID=%x\n", moduleVersion(), brexapi.Date, h.Sum(nil))
	case "true":
		fmt.Printf("brexlint %s (Brex API catalogue %s)\n", moduleVersion(), brexapi.Date)
	default:
		return fmt.Errorf("unsupported -V=%s (use -V or -V=full)", s)
	}
	os.Exit(0)
	return nil
}

func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// registerVersionFlag puts -V on the default flag set before x/tools' driver
// would add its own.
func registerVersionFlag() {
	if flag.Lookup("V") == nil {
		flag.Var(versionFlag{}, "V", "print version and exit (-V=full: with build ID, for go vet)")
	}
}
