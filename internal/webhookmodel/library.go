package webhookmodel

import (
	"go/ast"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
)

// Libraries are the Go packages that verify the Standard Webhooks scheme
// (the scheme of Brex's webhooks), by import path: the Standard Webhooks
// reference library and Svix's, whose APIs are the same. The model
// accepts their Webhook type's Verify (the signature over id, timestamp
// and body, every v1 entry, in constant time, with a five-minute
// timestamp tolerance) and VerifyIgnoringTimestamp (the same without the
// tolerance), and NewWebhook (which strips whsec_ and base64-decodes the
// secret) and NewWebhookRaw (which takes the key as given).
var Libraries = map[string]string{
	"github.com/standard-webhooks/standard-webhooks/libraries/go": "Standard Webhooks",
	"github.com/svix/svix-webhooks/go":                            "Svix",
}

type libCall uint8

const (
	libVerify libCall = iota + 1
	libVerifyIgnoringTimestamp
	libNew
	libNewRaw
)

// libraryCall says which function of a verifying library fn is.
func libraryCall(fn *types.Func) (libCall, bool) {
	if fn.Pkg() == nil {
		return 0, false
	}
	if _, ok := Libraries[fn.Pkg().Path()]; !ok {
		return 0, false
	}
	recv := fn.Signature().Recv()
	isWebhook := recv != nil && typesutil.IsNamed(recv.Type(), fn.Pkg().Path(), "Webhook")
	switch {
	case isWebhook && fn.Name() == "Verify":
		return libVerify, true
	case isWebhook && fn.Name() == "VerifyIgnoringTimestamp":
		return libVerifyIgnoringTimestamp, true
	case recv == nil && fn.Name() == "NewWebhook":
		return libNew, true
	case recv == nil && fn.Name() == "NewWebhookRaw":
		return libNewRaw, true
	}
	return 0, false
}

func (m *Model) libraryCall(ev *eval, s *Summary, lib libCall, call *ast.CallExpr) {
	fn := call.Fun
	if sel, ok := ast.Unparen(fn).(*ast.SelectorExpr); ok {
		fn = sel.Sel
	}
	name := "a verifying library"
	if obj, ok := m.info.Uses[fn.(*ast.Ident)]; ok && obj.Pkg() != nil {
		name = Libraries[obj.Pkg().Path()]
	}
	switch lib {
	case libVerify, libVerifyIgnoringTimestamp:
		s.Verifies = true
		s.Headers |= headerFlags
		s.Library = name
		if lib == libVerify {
			s.Clock = true
		}
		if len(call.Args) == 2 {
			s.Sites = append(s.Sites, Site{Kind: SiteContent, A: libContent(ev.origin(call.Args[0])), Lib: true, pos: call.Args[0].Pos()})
		}
	case libNew:
		if len(call.Args) == 1 {
			key := ev.origin(call.Args[0])
			key.Flags = key.Flags&^StrConv | Decoded | Stripped
			s.Sites = append(s.Sites, Site{Kind: SiteKey, A: key, Lib: true, pos: call.Args[0].Pos()})
		}
	case libNewRaw:
		if len(call.Args) == 1 {
			s.Sites = append(s.Sites, Site{Kind: SiteKey, A: ev.origin(call.Args[0]), Lib: true, pos: call.Args[0].Pos()})
		}
	}
}

// libContent is what a library signs: the payload it is given, with the
// id and timestamp it reads from the headers.
func libContent(payload Origin) Origin {
	payload.Flags |= FromID | FromTimestamp
	return payload
}
