// With the WDK's NX opt-in, NonPagedPool means NonPagedPoolNx (POOL_NX_OPTIN_AUTO)
// or a variable set at driver start (POOL_NX_OPTIN): nothing to report.
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN_AUTO=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN=1 %wdk_shape %msvc %s
// expected-no-diagnostics
#include <ntddk.h>
#include <wdf.h>

PVOID opted_in(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, 'nItO');
}

void opted_in_memory(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = request;
  WdfMemoryCreate(&attributes, NonPagedPool, 'nItO', 64, &memory, NULL);
}
