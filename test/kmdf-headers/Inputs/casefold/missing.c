/* No file of this name in any case: still an error. */
#include "NoSuchHeader.h"
int value(void) { return 0; }
