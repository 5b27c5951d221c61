/*
 * wdk_table.c - the WDK shape: WdfFunctions and WdfDriverGlobals.
 *
 * Built with WDFCHECK_WDK_SHAPE=1, a driver calls each WDF DDI through a
 * FORCEINLINE wrapper that reads WdfFunctions[<Name>TableIndex] and passes
 * WdfDriverGlobals first, as with the real WDK.  This file (compiled in
 * that shape) defines both symbols: the table's entries take the globals
 * and call the runtime's implementation, which has the plain name -- in
 * this translation unit that name belongs to the inline wrapper, so the
 * implementation is declared under another name bound to the plain
 * symbol with an asm label.
 */
#define WDFCHECK_WDK_SHAPE 1
#include "wdfrt_internal.h"

extern WDF_DRIVER_GLOBALS _wdfrt_driver_globals;

#define WDFRT_UNPAREN(...) __VA_ARGS__

#define WDFRT_WDK(Ret, Name, Params, Args)                                     \
  Ret _wdfrt_plain_##Name Params __asm__(#Name);                               \
  static Ret wdk_##Name(PWDF_DRIVER_GLOBALS Globals, WDFRT_UNPAREN Params) {   \
    (void)Globals;                                                             \
    return _wdfrt_plain_##Name Args;                                           \
  }
#define WDFRT_WDK_VOID(Name, Params, Args)                                     \
  VOID _wdfrt_plain_##Name Params __asm__(#Name);                              \
  static VOID wdk_##Name(PWDF_DRIVER_GLOBALS Globals, WDFRT_UNPAREN Params) {  \
    (void)Globals;                                                             \
    _wdfrt_plain_##Name Args;                                                  \
  }
#include "wdk_table.def"
#undef WDFRT_WDK
#undef WDFRT_WDK_VOID

/* Every entry of WDFFUNCENUM has a row. */
enum {
  WDFRT_WDK_ROWS = 0
#define WDFRT_WDK(Ret, Name, Params, Args) +1
#define WDFRT_WDK_VOID(Name, Params, Args) +1
#include "wdk_table.def"
#undef WDFRT_WDK
#undef WDFRT_WDK_VOID
};
_Static_assert((int)WDFRT_WDK_ROWS == (int)WdfFunctionTableNumEntries,
               "wdk_table.def must have one row per WDFFUNCENUM entry");

static const WDFFUNC functions[WdfFunctionTableNumEntries] = {
#define WDFRT_WDK(Ret, Name, Params, Args) [Name##TableIndex] = (WDFFUNC)wdk_##Name,
#define WDFRT_WDK_VOID(Name, Params, Args) [Name##TableIndex] = (WDFFUNC)wdk_##Name,
#include "wdk_table.def"
#undef WDFRT_WDK
#undef WDFRT_WDK_VOID
};

const WDFFUNC *WdfFunctions = functions;
PWDF_DRIVER_GLOBALS WdfDriverGlobals = &_wdfrt_driver_globals;
