int PartB(void) { return 2; }
