#include <ntddk.h>
#include <wdf.h>

VOID Broken(WDFMEMORY Memory) {
  this is not C;
}
