/* Windows file names ignore case; driver code relies on it. */
#include "Foo.H"
#include <sub/BAR.h>
#include "SUB/../FOO.h"

int value(void) { return FOO_VALUE + BAR_VALUE; }
