#include <ntddk.h>
#include <wdf.h>

/* Defined in two files, as two drivers in one database would. */
VOID Shared(WDFMEMORY Memory) {
  WdfObjectDelete(Memory);
}
