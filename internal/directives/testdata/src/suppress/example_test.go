package suppress

import "fmt"

// Example functions get no findings: they are documentation.
func Example() {
	fmt.Println("FLAG")
}

func notAnExample() {
	fmt.Println("FLAG") // want `idempotencykey: found FLAG`
}
