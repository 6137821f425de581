//brexlint:file-ignore idempotencykey this file holds replay fixtures

package suppress

var fixtures = []string{"FLAG", "FLAG"}
