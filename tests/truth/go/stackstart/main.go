// How big a goroutine's stack is when its function starts: frames are
// pushed until the stack is copied (a pointer into it moves), once from the
// start and once more from the copy, which is twice the size. The second
// run reaches as much further as the starting size.
//
// Prints "main N" (main.main's goroutine) and "goroutine N" (a new one).
package main

import "unsafe"

var at, low uintptr

//go:noinline
func down(n int, p *int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if uintptr(unsafe.Pointer(p)) != at {
		return n // this frame is on the copy
	}
	low = uintptr(unsafe.Pointer(&pad))
	if n == 0 {
		return -1
	}
	return down(n-1, p) + int(pad[(n+1)%64])
}

// reach is how far below its own local the stack reached before a copy.
//
//go:noinline
func reach() uintptr {
	x := 0
	at = uintptr(unsafe.Pointer(&x))
	down(1_000_000, &x)
	return at - low
}

// size is the starting stack's size, rounded to a power of two (the two
// reaches differ by it, give or take a frame).
func size() uintptr {
	a := reach()
	b := reach()
	s := uintptr(1)
	for s*3/2 < b-a {
		s *= 2
	}
	return s
}

func main() {
	println("main", size())
	done := make(chan uintptr)
	go func() { done <- size() }()
	println("goroutine", <-done)
}
