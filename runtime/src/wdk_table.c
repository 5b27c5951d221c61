/*
 * wdk_table.c - the WDK shape: WdfFunctions and WdfDriverGlobals.
 *
 * Built with WDFCHECK_WDK_SHAPE=1, a driver calls each WDF DDI through a
 * FORCEINLINE wrapper that reads WdfFunctions[<Name>TableIndex] and passes
 * WdfDriverGlobals first, as with the real WDK.  This file (compiled in
 * that shape) defines both symbols; the table's entries, which take the
 * globals and call the runtime's implementation, are in wdk_thunks.c.
 */
#define WDFCHECK_WDK_SHAPE 1
#include "wdfrt_internal.h"

extern WDF_DRIVER_GLOBALS wdfrt_int_driver_globals;

/* The entries, defined in wdk_thunks.c (plain shape); only their addresses
   are needed here. */
#define WDFRT_WDK(Ret, Name, Params, Args) void wdfrt_int_wdk_##Name(void);
#define WDFRT_WDK_VOID(Name, Params, Args) void wdfrt_int_wdk_##Name(void);
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
#define WDFRT_WDK(Ret, Name, Params, Args)                                     \
  [Name##TableIndex] = (WDFFUNC)wdfrt_int_wdk_##Name,
#define WDFRT_WDK_VOID(Name, Params, Args)                                     \
  [Name##TableIndex] = (WDFFUNC)wdfrt_int_wdk_##Name,
#include "wdk_table.def"
#undef WDFRT_WDK
#undef WDFRT_WDK_VOID
};

const WDFFUNC *WdfFunctions = functions;
PWDF_DRIVER_GLOBALS WdfDriverGlobals = &wdfrt_int_driver_globals;
