package escape

import "testing"

var (
	sinkP   *Point
	sinkI   int
	sinkAny any
	sinkF   func() int
)

func BenchmarkNewPoint(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkP = NewPoint(1, 2)
	}
}

func BenchmarkDistance(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkI = Distance(3, 4)
	}
}

func BenchmarkBoxed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkAny = Boxed(7)
	}
}

func BenchmarkCounter(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkF = Counter()
	}
}

func BenchmarkSquares4(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkI = Squares(4)
	}
}

func BenchmarkSquares64(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkI = Squares(64)
	}
}

func BenchmarkBig(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkI = Big()
	}
}

func BenchmarkKeep(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		p := Point{X: 1}
		Keep(&p)
	}
}

func BenchmarkHandle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkI = Handle(5)
	}
}
