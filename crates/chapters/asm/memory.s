// Pseudo-assembly, x86-64 style,
// operands as in Go's assembler:
// source first, then destination.

// Program A
MOVQ $40, 0x1000   // apples = 40
MOVQ $2, 0x1008    // pears = 2
MOVQ 0x1000, AX    // AX = apples
MOVQ 0x1008, BX    // BX = pears
ADDQ BX, AX        // AX = AX + BX
MOVQ AX, 0x1010    // total = AX

// Program B, by someone else
MOVQ $-1, 0x1008   // flag = -1

// Program A, later
MOVQ 0x1008, BX    // BX = pears?
