package g

import "time"

// Timeout is not a string: parsed without bodies, this file's only string
// literal is its import's path, which does not count.
var Timeout = 3 * time.Second
