package main

// sum recurses depth times. Its frame is 128 bytes on amd64: a 96-byte
// array, room for the next call's two arguments, the saved frame pointer
// and the return address. Every call passes down a pointer to count's
// total: a pointer into the stack.
//
//go:noinline
func sum(depth int, total *int) {
	var pad [96]byte
	for i := range pad {
		pad[i] = byte(depth)
	}
	*total += int(pad[depth%96] & 1)
	if depth > 0 {
		sum(depth-1, total)
	}
}

// count runs on a new goroutine, whose stack starts at 2 KiB (main's has
// grown to 4 KiB by the time main runs). 100,001 frames of sum copy it to
// a bigger one again and again, and &total is adjusted every time.
func count(done chan<- int) {
	total := 0
	sum(100000, &total)
	done <- total
}

func main() {
	done := make(chan int)
	go count(done)
	println(<-done)
}
