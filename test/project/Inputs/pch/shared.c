/* Outside the project's directory; found its precompiled header only as
   cl.exe does, through the .pch. */
#include "precomp.h"
#ifndef PCH_SEEN
#error "precomp.h was not the project's"
#endif
void SharedHelper(void) {}
