// Avoiding an allocation is not always faster. Pooled keeps a 16-byte
// []byte in a sync.Pool to skip Fresh's allocation, but Put takes an any:
// the slice header is boxed on the heap, 24 bytes per call, and the pool's
// work comes on top. PooledArray pools a pointer and allocates nothing.
package zeroalloc

import "sync"

var slices = sync.Pool{New: func() any { return make([]byte, 16) }}
var arrays = sync.Pool{New: func() any { return new([16]byte) }}

// Fresh allocates a 16-byte buffer on every call.
//
//go:noinline
func Fresh() []byte {
	return make([]byte, 16)
}

// Pooled reuses a buffer from the pool, yet allocates on every Put.
//
//go:noinline
func Pooled() byte {
	b := slices.Get().([]byte)
	b[0]++
	v := b[0]
	slices.Put(b)
	return v
}

// PooledArray reuses a *[16]byte: a pointer fits in an any as it is.
//
//go:noinline
func PooledArray() byte {
	b := arrays.Get().(*[16]byte)
	b[0]++
	v := b[0]
	arrays.Put(b)
	return v
}
