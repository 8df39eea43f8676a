// Escape analysis, value by value: the compiler puts each value on the
// stack unless it may outlive its frame (or is too big), whatever its type.
package escape

type Point struct{ X, Y int }

var kept *Point

// NewPoint returns a pointer to its local: the Point must outlive the call.
//
//go:noinline
func NewPoint(x, y int) *Point {
	p := Point{X: x, Y: y}
	return &p
}

// Distance uses a pointer that never leaves: the same type stays put.
//
//go:noinline
func Distance(x, y int) int {
	p := &Point{X: x, Y: y}
	return p.X*p.X + p.Y*p.Y
}

// Boxed stores a Point in an interface that leaves the function.
//
//go:noinline
func Boxed(x int) any {
	p := Point{X: x, Y: x}
	return p
}

// Counter's closure captures n and outlives the call.
//
//go:noinline
func Counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// Squares makes a slice whose size is known only at run time.
//
//go:noinline
func Squares(n int) int {
	s := make([]int, n)
	total := 0
	for i := range s {
		s[i] = i * i
		total += s[i]
	}
	return total
}

// Big needs 128 KiB: over the 64 KiB limit for implicit stack values.
//
//go:noinline
func Big() int {
	buf := make([]byte, 128<<10)
	buf[0] = 1
	return len(buf)
}

// Handle is one request's work: of the six values it and its callees
// make, only NewPoint's Point outlives the call.
//
//go:noinline
func Handle(id int) int {
	a := Point{X: id, Y: 1}
	b := Point{X: 2, Y: id}
	mid := &Point{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2}
	buf := make([]int, 4)
	buf[0] = Distance(mid.X, mid.Y)
	kept = NewPoint(id, buf[0])
	return buf[0] + a.X + b.Y
}

// Keep stores its parameter in a global: the caller's value must be on
// the heap.
//
//go:noinline
func Keep(p *Point) {
	kept = p
}
