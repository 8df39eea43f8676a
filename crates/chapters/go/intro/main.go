// Go's two halves, in one line of work. The compiler decides that the
// point below must outlive newPoint (escape analysis) and has it
// allocated on the heap; the runtime, linked into this binary, does the
// allocating — and later the collecting — while the program runs.
package main

type point struct{ x, y int }

//go:noinline
func newPoint(x, y int) *point {
	return &point{x, y}
}

func main() {
	p := newPoint(1, 2)
	println(p.x + p.y)
}
