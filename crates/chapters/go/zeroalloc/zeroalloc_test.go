package zeroalloc

import "testing"

var sink []byte
var sinkByte byte

func BenchmarkFresh(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = Fresh()
	}
}

func BenchmarkPooled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkByte = Pooled()
	}
}

func BenchmarkPooledArray(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkByte = PooledArray()
	}
}
