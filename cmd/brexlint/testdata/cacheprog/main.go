// Command cacheprog is a GOCACHEPROG program for TestSharedGoCache: a build
// cache shared by "machines" that have GOCACHE directories of their own,
// as a team's remote cache is. It keeps objects in -store (a directory
// standing for the remote store) and appends "hit" or "miss" for every get
// to -log.
//
// The protocol is cmd/go/internal/cacheprog's: JSON requests on stdin, one
// per line (a put's body follows as a base64 JSON string), JSON responses
// on stdout, after a first response that lists the known commands.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

type request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type response struct {
	ID            int64
	Err           string     `json:",omitempty"`
	KnownCommands []string   `json:",omitempty"`
	Miss          bool       `json:",omitempty"`
	OutputID      []byte     `json:",omitempty"`
	Size          int64      `json:",omitempty"`
	Time          *time.Time `json:",omitempty"`
	DiskPath      string     `json:",omitempty"`
}

// index is what the store records under an action ID.
type index struct {
	OutputID []byte
	Size     int64
	Time     time.Time
}

func main() {
	store := flag.String("store", "", "directory of the shared store")
	logName := flag.String("log", "", "file to append hit/miss lines to")
	flag.Parse()
	logf, err := os.OpenFile(*logName, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		log.Fatal(err)
	}
	defer logf.Close()
	if err := os.MkdirAll(filepath.Join(*store, "a"), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(*store, "o"), 0o755); err != nil {
		log.Fatal(err)
	}
	in := json.NewDecoder(bufio.NewReader(os.Stdin))
	out := json.NewEncoder(os.Stdout)
	if err := out.Encode(response{KnownCommands: []string{"get", "put", "close"}}); err != nil {
		log.Fatal(err)
	}
	for {
		var req request
		if err := in.Decode(&req); err != nil {
			log.Fatal(err)
		}
		var resp response
		switch req.Command {
		case "get":
			resp = get(*store, req)
			fmt.Fprintln(logf, map[bool]string{true: "miss", false: "hit"}[resp.Miss])
		case "put":
			var body []byte
			if req.BodySize > 0 {
				if err := in.Decode(&body); err != nil {
					log.Fatal(err)
				}
			}
			resp = put(*store, req, body)
		case "close":
			out.Encode(response{ID: req.ID})
			return
		default:
			resp = response{ID: req.ID, Err: "unknown command " + req.Command}
		}
		if err := out.Encode(resp); err != nil {
			log.Fatal(err)
		}
	}
}

func get(store string, req request) response {
	data, err := os.ReadFile(filepath.Join(store, "a", hex.EncodeToString(req.ActionID)))
	if err != nil {
		return response{ID: req.ID, Miss: true}
	}
	var ix index
	if err := json.Unmarshal(data, &ix); err != nil {
		return response{ID: req.ID, Miss: true}
	}
	return response{ID: req.ID, OutputID: ix.OutputID, Size: ix.Size, Time: &ix.Time,
		DiskPath: filepath.Join(store, "o", hex.EncodeToString(ix.OutputID))}
}

func put(store string, req request, body []byte) response {
	obj := filepath.Join(store, "o", hex.EncodeToString(req.OutputID))
	if err := os.WriteFile(obj, body, 0o644); err != nil {
		return response{ID: req.ID, Err: err.Error()}
	}
	data, _ := json.Marshal(index{OutputID: req.OutputID, Size: int64(len(body)), Time: time.Now()})
	if err := os.WriteFile(filepath.Join(store, "a", hex.EncodeToString(req.ActionID)), data, 0o644); err != nil {
		return response{ID: req.ID, Err: err.Error()}
	}
	return response{ID: req.ID, DiskPath: obj}
}
