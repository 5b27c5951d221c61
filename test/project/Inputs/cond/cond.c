int CondValue(void) { return 0; }
