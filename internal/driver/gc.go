package driver

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// gcHeadroom is how far the heap may grow over the live heap before the
// garbage collector runs, once the live heap is larger than it.
//
// The live heap of a run grows with the import graph: every package's
// types stay until the end, since its importers' types point into them
// (about 190 MB at the peak on Caddy's 1,150 packages). With GOGC=100 the
// heap may grow to twice that before a collection, and the peak resident
// memory follows the heap's goal, not the live heap: 450 MB on Caddy.
// Bounding the growth to a fixed headroom once the live heap passes it
// keeps small runs exactly as fast (x/oauth2 never gets there) and costs
// a large one more collections: on stripe-go, whose root package and its
// test variant hold 190 MB at once, the collector takes a third of the
// run's CPU, as it does in the loading floor. Two variants measured no
// better (2026-12-06): letting the goal reach the largest live heap so
// far plus the headroom (stripe-go's live heap halves after its root) and
// a floor of GOGC=40 instead of 25 left stripe-go's time within its
// noise, and the second moved Caddy's peak within 271-299 MiB.
// A GOGC or GOMEMLIMIT the user sets is left alone.
const gcHeadroom = 64 << 20

type gcTuner struct {
	mu      sync.Mutex
	off     bool
	percent int // what the tuner last set
	saved   int // GOGC before the run
	sample  []metrics.Sample
}

func newGCTuner() *gcTuner {
	t := &gcTuner{percent: 100, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.off = true
		return t
	}
	t.saved = debug.SetGCPercent(100)
	return t
}

// tune sets GOGC so that the heap's goal is the live heap plus at most
// gcHeadroom, and never below a quarter over it.
func (t *gcTuner) tune() {
	if t.off {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := t.sample[0].Value.Uint64()
	percent := 100
	if live > gcHeadroom {
		percent = max(int(gcHeadroom*100/live), 25)
	}
	if percent != t.percent {
		t.percent = percent
		debug.SetGCPercent(percent)
	}
}

func (t *gcTuner) restore() {
	if !t.off {
		debug.SetGCPercent(t.saved)
	}
}
