// Keeps LIVE_MIB of small pointerful objects reachable (the collector must
// scan them, as the model's live heap) and allocates 256 KiB of garbage
// about every millisecond for two seconds, as the gc chapter's pacer
// workload does. Run with GOGC, GOMEMLIMIT and GODEBUG=gctrace=1 to read
// the heap goals the runtime sets.
package main

import (
	"os"
	"strconv"
	"time"
)

// 64 bytes with a pointer: size class 6, scanned by the collector.
type node struct {
	next *node
	pad  [56]byte
}

var live []*node

var sink []byte

func main() {
	mib, err := strconv.Atoi(os.Getenv("LIVE_MIB"))
	if err != nil {
		panic("set LIVE_MIB")
	}
	for i := 0; i < mib<<14; i++ {
		live = append(live, &node{})
	}
	end := time.Now().Add(2 * time.Second)
	for time.Now().Before(end) {
		sink = make([]byte, 256<<10)
		time.Sleep(time.Millisecond)
	}
	println(len(live), len(sink))
}
