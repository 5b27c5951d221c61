#include <ntddk.h>
#include <wdf.h>

PVOID allocate(void) { return ExAllocatePoolWithTag(NonPagedPool, 64, 'nacS'); }
