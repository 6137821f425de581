package typesutil

import "go/types"

// readerWrappers are the functions of the standard library that return a
// reader over one of their arguments: what the result yields is what that
// argument yields (cut short, buffered, decompressed, teed or given a
// Close). The value is the argument's index.
var readerWrappers = map[string]int{
	"io.LimitReader":           0,
	"io.TeeReader":             0,
	"io.NopCloser":             0,
	"io/ioutil.NopCloser":      0,
	"bufio.NewReader":          0,
	"bufio.NewReaderSize":      0,
	"compress/gzip.NewReader":  0,
	"compress/flate.NewReader": 0,
	"net/http.MaxBytesReader":  1,
}

// ReaderOver reports whether fn, a function (not a method), returns a
// reader over one of its arguments (io.LimitReader(r, n),
// http.MaxBytesReader(w, r, n), gzip.NewReader(r) ...), and which one. It
// is the one list of such wrappers for every model that follows a body.
func ReaderOver(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return 0, false
	}
	arg, ok = readerWrappers[fn.Pkg().Path()+"."+fn.Name()]
	return arg, ok
}
