#include <stdio.h>

// Each call keeps 1 KiB on the stack, and nothing stops the recursion:
// the main thread's stack, 8 MiB under the usual ulimit -s, runs out.
static int depth(int n) {
	char frame[1024];
	frame[0] = (char)n;
	return depth(n + 1) + frame[0];
}

int main(void) {
	printf("%d\n", depth(0));
	return 0;
}
