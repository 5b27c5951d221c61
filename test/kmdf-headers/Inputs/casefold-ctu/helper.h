/* Included as "Helper.H" (Windows spelling) by both files. */
#include <ntddk.h>
#include <wdf.h>
VOID HelperWait(VOID);
