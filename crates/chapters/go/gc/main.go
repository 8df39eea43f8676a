package main

import "runtime"

type Node struct {
	Next  *Node
	Other *Node
	V     int
}

//go:noinline
func build() *Node {
	root := &Node{V: 1}
	root.Next = &Node{V: 2}
	root.Next.Next = &Node{V: 3}
	root.Other = &Node{V: 4}
	return root
}

func main() {
	root := build()
	root.Other = nil
	runtime.GC()

	extra := &Node{V: 5}
	root.Next.Other = extra
	extra = nil

	// While the collector marks, the program moves node 3:
	c := root.Next.Next
	root.Next.Next = nil
	root.Other = c
	c = nil

	root.Next.Other = &Node{V: 99}
	println(root.Other.V, root.Next.Other.V)
}
