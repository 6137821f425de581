// Command gen writes internal/brexapi/catalog_gen.go from the Brex OpenAPI
// specs and the hand-kept overlay. It is run by go generate in the brexapi
// package directory:
//
//	go generate ./internal/brexapi
//
// All logic lives in package catalog so that the brexapi tests can check that
// the committed file is up to date.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/brexlint/brexlint/internal/brexapi/internal/catalog"
)

func main() {
	specs := flag.String("specs", "specs", "directory of OpenAPI *.json specs")
	overlay := flag.String("overlay", "overlay.json", "hand-kept overlay")
	out := flag.String("o", "catalog_gen.go", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("brexapi/gen: ")
	src, err := catalog.Generate(*specs, *overlay)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
