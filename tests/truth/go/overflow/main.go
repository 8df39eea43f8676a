// Recurses without end under a 1 MiB stack limit: the runtime refuses to
// grow the stack further and stops the program.
package main

import "runtime/debug"

//go:noinline
func down(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	return down(n+1) + int(pad[0])
}

func main() {
	debug.SetMaxStack(1 << 20)
	println(down(0))
}
