package main

// sum recurses depth times. Each frame holds a 64-byte array, and every
// call passes down a pointer to main's total: a pointer into the stack.
//
//go:noinline
func sum(depth int, total *int) {
	var pad [64]byte
	pad[0] = byte(depth)
	*total += int(pad[0] & 1)
	if depth > 0 {
		sum(depth-1, total)
	}
}

func main() {
	total := 0
	// 100,001 frames: main's 2 KiB stack is copied to a bigger one again
	// and again, and &total is adjusted every time.
	sum(100000, &total)
	println(total)
}
