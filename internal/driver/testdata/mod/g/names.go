package g

// Name is a string constant: parsed without bodies, this file still holds
// a string literal.
const Name = "g"
