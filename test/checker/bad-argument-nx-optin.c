// With the WDK's NX opt-in, NonPagedPool means NonPagedPoolNx (POOL_NX_OPTIN_AUTO)
// or a variable set at driver start (POOL_NX_OPTIN).  DriverEntry is not in
// this file, so the opt-in call is made elsewhere: NonPagedPool and
// NonPagedPoolCacheAligned are NX, whether the headers remap the name (the
// WDK) or leave it the constant 0 (mingw-w64, %mingw_nx).  The other
// executable types are not remapped and are still reported.
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN_AUTO=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN=1 %wdk_shape %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN=1 %mingw_nx %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN=1 %mingw_nx %wdk_shape %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify -DPOOL_NX_OPTIN_AUTO=1 %mingw_nx %s
#include <ntddk.h>
#include <wdf.h>

PVOID opted_in(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, 'nItO'); // no-warning
}

void opted_in_memory(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = request;
  WdfMemoryCreate(&attributes, NonPagedPool, 'nItO', 64, &memory, NULL); // no-warning
}

PVOID opted_in_cache_aligned(void) {
  return ExAllocatePoolWithTag(NonPagedPoolCacheAligned, 64, 'nItO'); // no-warning
}

// A modifier bit does not change the base type the opt-in remaps.
PVOID opted_in_with_modifier(void) {
  return ExAllocatePoolWithTag((POOL_TYPE)(NonPagedPool | POOL_RAISE_IF_ALLOCATION_FAILURE), 64, 'nItO'); // no-warning
}

void opted_in_lookaside(WDFDEVICE device) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFLOOKASIDE lookaside;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  WdfLookasideListCreate(&attributes, 128, NonPagedPool, WDF_NO_OBJECT_ATTRIBUTES, 'nItO', &lookaside); // no-warning
}

// The opt-in adds POOL_NX_ALLOCATION to a non-paged lookaside list.
void opted_in_npaged_lookaside(NPAGED_LOOKASIDE_LIST *list) {
  ExInitializeNPagedLookasideList(list, NULL, NULL, 0, 128, 'nItO', 0); // no-warning
}

// The opt-in remaps NonPagedPool only: session pool stays executable.
PVOID session_pool_not_remapped(void) {
  return ExAllocatePoolWithTag(NonPagedPoolSession, 64, 'nItO'); // expected-warning{{ExAllocatePoolWithTag allocates executable non-paged memory: writable, executable kernel memory is a code-injection target and HVCI-compatible drivers must not use it; use NonPagedPoolSessionNx}} expected-note{{use NonPagedPoolSessionNx}}
}
