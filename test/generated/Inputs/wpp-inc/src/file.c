// Includes its config header from an include directory.
#include "flags.h"
#include "file.tmh"

int Deep(void) { return TraceEvents(TRACE_LEVEL_ERROR, FLAG_DEEP, "deep"); }
