int DebugOnlyValue(void) { return 1; }
