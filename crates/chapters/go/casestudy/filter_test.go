package casestudy

import (
	"fmt"
	"testing"
)

var sink targetList

func list(n int) targetList {
	l := make(targetList, n)
	for i := range l {
		l[i] = i
	}
	return l
}

func even(e any) bool { return e.(int)%2 == 0 }

// Sizes that cross size-class boundaries (16 B per element: an any is two
// words) and the line where a slice becomes a large object: 2,047 values
// (32,752 B) are the last small request, 2,048 (32,768 B) the first large.
var sizes = []int{1, 2, 3, 8, 9, 64, 65, 500, 1000, 2000, 2047, 2048, 2049, 4096, 10000, 100000}

func BenchmarkFilterAlloc(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			l := list(n)
			b.ReportAllocs()
			for b.Loop() {
				sink = l.FilterAlloc(even)
			}
		})
	}
}

func BenchmarkFilterInPlace(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			l := list(n)
			b.ReportAllocs()
			for b.Loop() {
				sink = l.FilterInPlace(even)
			}
		})
	}
}
