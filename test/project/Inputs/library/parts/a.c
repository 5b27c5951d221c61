int PartA(void) { return 1; }
