// Pseudo-assembly, x86-64 flavoured, in Go's operand order: source, destination.
// Program A keeps apples at 0x1000, pears at 0x1008 and their total at 0x1010.
MOVQ $40, 0x1000    // A: apples = 40
MOVQ $2, 0x1008     // A: pears = 2
MOVQ 0x1000, AX     // A: AX = apples
MOVQ 0x1008, BX     // A: BX = pears
ADDQ BX, AX         // A: AX = AX + BX
MOVQ AX, 0x1010     // A: total = AX

// Program B, written by someone else, keeps a flag at 0x1008.
MOVQ $-1, 0x1008    // B: flag = -1

// Program A, later, reads its pears again.
MOVQ 0x1008, BX     // A: BX = pears?
