/* Compiles only with the defines and include directories of the project's
   Debug|x64 or Release|x64 configuration. */
#include "trace.h"
#include "lib.h"
#include "shared.h"

#ifndef FROM_PROPS
#error "the imported common.props was not evaluated"
#endif
#ifdef QUEUE_ONLY
#error "queue.c's own define leaked into Driver.c"
#endif

int DriverValue(void) { return LibValue() + SHARED_VALUE + DRV_TRACE_GUID; }
