// Package uuid is a stub of github.com/gofrs/uuid/v5 for the entropy
// tests.
package uuid

type UUID [16]byte

var (
	Nil          UUID
	NamespaceURL = Must(FromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"))
)

type Generator interface {
	NewV4() (UUID, error)
	NewV7() (UUID, error)
}

type Gen struct{}

var DefaultGenerator Generator = NewGen()

func NewGen() *Gen                          { return &Gen{} }
func (g *Gen) NewV4() (UUID, error)         { return UUID{}, nil }
func (g *Gen) NewV7() (UUID, error)         { return UUID{}, nil }
func NewV1() (UUID, error)                  { return UUID{}, nil }
func NewV3(ns UUID, name string) UUID       { return UUID{} }
func NewV4() (UUID, error)                  { return UUID{}, nil }
func NewV5(ns UUID, name string) UUID       { return UUID{} }
func NewV7() (UUID, error)                  { return UUID{}, nil }
func Must(u UUID, err error) UUID           { return u }
func FromString(input string) (UUID, error) { return UUID{}, nil }
func (u UUID) String() string               { return "" }
func (u UUID) Bytes() []byte                { return u[:] }
