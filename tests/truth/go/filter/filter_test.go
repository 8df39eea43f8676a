package filter

import "testing"

var sink targetList

func list() targetList {
	l := make(targetList, 1000)
	for i := range l {
		l[i] = i
	}
	return l
}

func even(e any) bool { return e.(int)%2 == 0 }

func BenchmarkFilterAlloc(b *testing.B) {
	l := list()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = l.FilterAlloc(even)
	}
}

func BenchmarkFilterInPlace(b *testing.B) {
	l := list()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = l.FilterInPlace(even)
	}
}
