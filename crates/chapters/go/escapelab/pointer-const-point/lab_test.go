package lab

import "testing"

func BenchmarkLab(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Lab(16)
	}
}
