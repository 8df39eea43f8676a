// Escape lab: ret=pointer, size=const, type=any.
package lab

type Point struct{ X, Y int }

var sink any

//go:noinline
func Lab(n int) *Point {
	p := Point{X: n, Y: n}
	buf := make([]int, 4)
	buf[0] = p.X
	sink = p
	p.Y = buf[0]
	return &p
}
