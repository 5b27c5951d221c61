#include <ntddk.h>
#include <wdf.h>

NTSTATUS AllocateScratch(WDFDEVICE Device, WDFMEMORY *Memory) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  return WdfMemoryCreate(&attributes, NonPagedPool, 'hcrS', 64, Memory, NULL);
}
