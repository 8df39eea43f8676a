// Escape lab: ret=pointer, size=var, type=Point.
package lab

type Point struct{ X, Y int }

var sink Point

//go:noinline
func Lab(n int) *Point {
	p := Point{X: n, Y: n}
	buf := make([]int, n)
	buf[0] = p.X
	sink = p
	p.Y = buf[0]
	return &p
}
