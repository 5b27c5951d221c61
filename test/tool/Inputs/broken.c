// Does not compile: an undeclared identifier.
#include <ntddk.h>
#include <wdf.h>

NTSTATUS Broken(void) {
  return WdfMemoryCreate(NULL, NonPagedPoolNx, 'krBD', 16, &undeclared_handle,
                         NULL);
}
