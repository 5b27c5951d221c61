/* A stand-in for the Windows-Driver-Frameworks wdf.h of KMDF 1.15, for the
 * tests only: the few declarations the tests' drivers use. */
#ifndef WDFCHECK_TEST_WDF_H
#define WDFCHECK_TEST_WDF_H
#define WDFCHECK_TEST_WDF_MINOR 15
typedef struct WDFDPC__ *WDFDPC;
typedef _Function_class_(EVT_WDF_DPC) _IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID EVT_WDF_DPC(_In_ WDFDPC Dpc);
typedef EVT_WDF_DPC *PFN_WDF_DPC;
#endif
