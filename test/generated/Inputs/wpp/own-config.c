// A source with its own begin_wpp config block (tracewpp scans the source
// too), no trace.h: the .tmh has the function and no flags.
/* begin_wpp config
 * FUNC LogInfo{LEVEL=TRACE_LEVEL_INFORMATION}(MSG, ...);
 * end_wpp
 */
#include <ntddk.h>
#include "own-config.tmh"

void Report(ULONG Count) { LogInfo("count %u", Count); }
