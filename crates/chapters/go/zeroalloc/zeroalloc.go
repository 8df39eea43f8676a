// Avoiding an allocation is not always faster: a small buffer from
// sync.Pool costs more than allocating a fresh one.
package zeroalloc

import "sync"

var pool = sync.Pool{New: func() any { return new([16]byte) }}

// Fresh allocates a 16-byte buffer on every call.
//
//go:noinline
func Fresh() *[16]byte {
	return new([16]byte)
}

// Pooled reuses a buffer from the pool: zero allocations per call.
//
//go:noinline
func Pooled() byte {
	b := pool.Get().(*[16]byte)
	b[0]++
	v := b[0]
	pool.Put(b)
	return v
}
