// A driver fragment with WM007 findings, for the tool tests.
#include <ntddk.h>
#include <wdf.h>

NTSTATUS CreateScratch(WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  PVOID buffer;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (Length == 0) {
    return WdfMemoryCreate(&attributes, NonPagedPoolNx, 'hcSD', Length,
                           &memory, &buffer);
  }
  return WdfMemoryCreate(&attributes, NonPagedPool, 'hcSD', Length, &memory,
                         &buffer);
}
