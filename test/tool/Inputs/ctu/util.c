#include <ntddk.h>
#include <wdf.h>
#include "util.h"

VOID UtilTouch(WDFMEMORY Memory) {
  size_t length;
  PUCHAR buffer = (PUCHAR)WdfMemoryGetBuffer(Memory, &length);
  if (length > 0)
    buffer[0] = 1;
}

VOID UtilDelete(WDFMEMORY Memory) {
  WdfObjectDelete(Memory);
}
