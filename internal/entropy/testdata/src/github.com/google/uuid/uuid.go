// Package uuid is a stub of github.com/google/uuid for the entropy tests:
// the signatures of the real package, trivial bodies.
package uuid

import "io"

type UUID [16]byte

var (
	NameSpaceDNS = Must(Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
	NameSpaceURL = Must(Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8"))
	Nil          UUID
)

func New() UUID                                     { return UUID{} }
func NewString() string                             { return "" }
func NewRandom() (UUID, error)                      { return UUID{}, nil }
func NewV7() (UUID, error)                          { return UUID{}, nil }
func NewRandomFromReader(r io.Reader) (UUID, error) { return UUID{}, nil }
func NewUUID() (UUID, error)                        { return UUID{}, nil }
func NewV6() (UUID, error)                          { return UUID{}, nil }
func NewMD5(space UUID, data []byte) UUID           { return UUID{} }
func NewSHA1(space UUID, data []byte) UUID          { return UUID{} }
func Must(uuid UUID, err error) UUID                { return uuid }
func Parse(s string) (UUID, error)                  { return UUID{}, nil }
func MustParse(s string) UUID                       { return UUID{} }
func (uuid UUID) String() string                    { return "" }
func (uuid UUID) URN() string                       { return "" }
func (uuid UUID) MarshalText() ([]byte, error)      { return nil, nil }
