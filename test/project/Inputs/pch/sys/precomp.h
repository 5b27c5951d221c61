/* The project's precompiled header. */
#include <ntddk.h>
#include <wdf.h>
#define PCH_SEEN 1
