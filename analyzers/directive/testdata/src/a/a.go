package a

// Well-formed directives: quiet.

//brexlint:ignore idempotencykey the fixture replays one request on purpose
var a = 1

//brexlint:ignore ratelimit,statuscheck the job runner retries and checks for us
var b = 2

//brexlint:client
func client() {}

// A space after the slashes makes an ordinary comment, as for Go's own
// directives: not looked at.
// brexlint:ignroe whatever
var c = 3

// Malformed ones.

// want +1 `directive: unknown directive //brexlint:ignroe`
//brexlint:ignroe idempotencykey typo in the verb
var d = 4

// want +1 `directive: //brexlint:ignore names no check`
//brexlint:ignore
var e = 5

// want +1 `^directive: //brexlint:ignore names unknown check "idempotency", so it silences nothing under that name; use a check that brexlint help lists$`
//brexlint:ignore idempotency the key is fine
var f = 6

// want +1 `directive: //brexlint:ignore idempotencykey needs a reason`
//brexlint:ignore idempotencykey
var g = 7

// want +1 `directive: //brexlint:file-ignore ratelimit needs a reason`
//brexlint:file-ignore ratelimit

// want +1 `directive: //brexlint:random must be in the doc comment of a function, method or type declaration`
//brexlint:random
var h = 8

func body() {
	//brexlint:client // want `directive: //brexlint:client must be in the doc comment`
	_ = 0
}

// A directive's words are quoted in its message, redacted: a token pasted
// after the verb is not printed.

// want +1 `directive: //brexlint:ignore names unknown check "ghp_…", so it silences nothing under that name; use a check that brexlint help lists$`
//brexlint:ignore ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d the reason
var token = 7
