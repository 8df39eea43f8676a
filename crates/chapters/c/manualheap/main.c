#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	long id;
	long balance;
} Account;

typedef struct {
	long qty;
	long price;
} Order;

void leak(void) {
	for (;;) {
		char *buf = malloc(4096);
		memset(buf, 1, 4096);
	}
}

int main(int argc, char **argv) {
	Account *alice = malloc(sizeof(Account));
	alice->id = 1;
	alice->balance = 100;
	printf("%ld\n", alice->balance);
	free(alice);

	Order *order = malloc(sizeof(Order));
	printf("%ld %ld\n", order->qty, order->price);
	order->qty = 3;
	order->price = 999;
	printf("%ld\n", alice->balance);
	free(order);

	if (argc > 1 && strcmp(argv[1], "leak") == 0) {
		leak();
	}
	return 0;
}
