// A driver fragment without findings.
#include <ntddk.h>
#include <wdf.h>

NTSTATUS CreateScratch(WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  if (Length == 0)
    return STATUS_INVALID_PARAMETER;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  return WdfMemoryCreate(&attributes, NonPagedPoolNx, 'hcSD', Length, &memory,
                         NULL);
}
