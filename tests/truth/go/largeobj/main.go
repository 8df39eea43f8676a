// Which path mallocgc takes for a request of n bytes: a size class
// ("small") or whole pages ("large"). runtime/metrics' allocs-by-size
// histogram counts every large object in its last bucket, so a hundred
// allocations that all land there are large objects.
//
// Usage: largeobj 32760 32768 p32760 p32768 (a "p" allocates n bytes of
// pointers, a []*int; otherwise a []byte, pointer-free).
package main

import (
	"fmt"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
)

var (
	bytes []byte
	ptrs  []*int
)

func main() {
	for _, arg := range os.Args[1:] {
		pointers := strings.HasPrefix(arg, "p")
		n, err := strconv.Atoi(strings.TrimPrefix(arg, "p"))
		if err != nil {
			panic(err)
		}
		before := large()
		for i := 0; i < 100; i++ {
			if pointers {
				ptrs = make([]*int, n/8)
			} else {
				bytes = make([]byte, n)
			}
		}
		path := "small"
		if large()-before >= 100 {
			path = "large"
		}
		fmt.Println(arg, path)
	}
}

// large is the count of large objects allocated so far.
func large() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs-by-size:bytes"}}
	metrics.Read(s)
	counts := s[0].Value.Float64Histogram().Counts
	return counts[len(counts)-1]
}
