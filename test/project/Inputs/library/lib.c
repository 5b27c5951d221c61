#include "lib.h"

#ifndef LIB_BUILD
#error "the library's ItemDefinitionGroup was not applied"
#endif

int LibValue(void) { return 42; }
