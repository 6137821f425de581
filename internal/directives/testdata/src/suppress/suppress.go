package suppress

func findings() []string {
	return []string{
		"FLAG", // want `idempotencykey: found FLAG`
		"FLAG", //brexlint:ignore idempotencykey the same line is covered
		//brexlint:ignore idempotencykey a directive alone on its line covers the next line
		"FLAG",
		//brexlint:ignore ratelimit,idempotencykey a list of checks covers each of them
		"FLAG",
		//brexlint:ignore ratelimit naming another check silences nothing here
		"FLAG", // want `idempotencykey: found FLAG`
		"ok", /* want `idempotencykey: this //brexlint:ignore directive silences no idempotencykey finding` */ //brexlint:ignore idempotencykey nothing to silence on this line
		"FLAG", /* want `idempotencykey: found FLAG` */ //brexlint:ignore statuscheck another check's unused directive is that check's business
		// want +1 `idempotencykey: found FLAG`
		"FLAG",
	}
}

func twoLinesDown() string {
	//brexlint:ignore idempotencykey covers only the next line // want `this //brexlint:ignore directive silences no idempotencykey finding`

	return "FLAG" // want `idempotencykey: found FLAG`
}

// A trailing directive speaks of its own line only.
func trailing() []string {
	return []string{
		"x", //brexlint:ignore idempotencykey trailing // want `silences no idempotencykey finding`
		"FLAG", // want `idempotencykey: found FLAG`
	}
}

// Malformed directives suppress nothing; the directive check reports them.
func malformed() []string {
	return []string{
		"FLAG", //brexlint:ignore idempotencykey // want `idempotencykey: found FLAG`
		"FLAG", //brexlint:ignore idempotencykeys typo in the name // want `idempotencykey: found FLAG`
	}
}
