package main

type Point struct{ X, Y int }

//go:noinline
func add(a, b int) int {
	sum := a + b
	return sum
}

//go:noinline
func newPoint(x, y int) *Point {
	p := Point{X: x, Y: y}
	return &p
}

//go:noinline
func moveByValue(pt Point) {
	pt.X += 100
}

//go:noinline
func moveByPointer(pt *Point) {
	pt.X += 100
}

func main() {
	a := 10
	b := add(a, 5)
	{
		c := b * 2
		println(c)
	}
	p := newPoint(a, b)
	buf := make([]byte, 1<<20)
	q := Point{X: 1, Y: 2}
	moveByValue(q)
	println(q.X)
	moveByPointer(&q)
	println(q.X)
	moveByPointer(p)
	println(p.X, len(buf))
}
