/*
 * wdk_thunks.c - the entries of the WDK shape's function table.
 *
 * Each takes the driver globals first, as the WDK's FORCEINLINE wrappers
 * pass them, and calls the runtime's implementation under its plain name.
 * This file is compiled in the plain shape, where that name is the
 * implementation; wdk_table.c (compiled in the WDK shape, where the plain
 * name is the inline wrapper) only takes their addresses.  Keeping the two
 * apart matters: resolving the plain name inside a WDK-shape translation
 * unit would reach the wrapper, which calls back through the table.
 */
#include "wdfrt_internal.h"

#define WDFRT_UNPAREN(...) __VA_ARGS__

#define WDFRT_WDK(Ret, Name, Params, Args)                                     \
  Ret wdfrt_int_wdk_##Name(PWDF_DRIVER_GLOBALS Globals, WDFRT_UNPAREN Params); \
  Ret wdfrt_int_wdk_##Name(PWDF_DRIVER_GLOBALS Globals,                        \
                           WDFRT_UNPAREN Params) {                             \
    (void)Globals;                                                             \
    return Name Args;                                                          \
  }
#define WDFRT_WDK_VOID(Name, Params, Args)                                     \
  VOID wdfrt_int_wdk_##Name(PWDF_DRIVER_GLOBALS Globals,                       \
                            WDFRT_UNPAREN Params);                             \
  VOID wdfrt_int_wdk_##Name(PWDF_DRIVER_GLOBALS Globals,                       \
                            WDFRT_UNPAREN Params) {                            \
    (void)Globals;                                                             \
    Name Args;                                                                 \
  }
#include "wdk_table.def"
