// Allocates 1 KiB slices and keeps every tenth, so the heap grows and the
// collector runs several cycles; run with GODEBUG=gctrace=1.
package main

var kept [][]byte

func main() {
	for i := 0; i < 200000; i++ {
		b := make([]byte, 1024)
		if i%10 == 0 {
			kept = append(kept, b)
		}
	}
	println(len(kept))
}
