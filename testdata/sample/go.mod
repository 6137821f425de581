module example.com/brexpayouts

go 1.26
