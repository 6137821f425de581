//brexlint:file-ignore idempotencykey nothing here needs it // want `this //brexlint:file-ignore directive silences no idempotencykey finding`

package suppress

var clean = "ok"
