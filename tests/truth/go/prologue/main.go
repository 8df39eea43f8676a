// Two functions whose prologues check the stack: one with a frame of at
// most 128 bytes (StackSmall), which compares SP itself with the guard,
// and one with a larger frame, which compares SP less the frame's size
// over 128 bytes. Built with -gcflags=-S to read the two checks. (A leaf
// with a small frame has no check at all: the guard leaves room for it.)
package main

//go:noinline
func leaf(n int) int { return n * 3 }

//go:noinline
func small(n int) int {
	var pad [8]byte
	pad[n%8] = byte(n)
	return int(pad[(n+1)%8]) + leaf(n)
}

//go:noinline
func big(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	return int(pad[(n+1)%256]) + small(n)
}

func main() {
	println(big(3))
}
