// POOL_NX_OPTIN with DriverEntry in the file: NonPagedPool is NX only when
// DriverEntry opts in with ExInitializeDriverRuntime(DrvRtPoolNxOptIn), itself
// or through a function of this file it calls.  Without that call the pool
// stays executable: WM007, with a note at DriverEntry.  The same readings
// whether the headers remap NonPagedPool to the variable the call sets (the
// WDK) or leave it the constant 0 (mingw-w64, %mingw_nx).
//
// ENTRY selects DriverEntry: 1 opts in, 2 opts in through a helper, 3 calls
// ExInitializeDriverRuntime without the NX flag, 4 never calls it.
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=nx -DPOOL_NX_OPTIN=1 -DENTRY=1 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=nx -DPOOL_NX_OPTIN=1 -DENTRY=1 %wdk_shape %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=nx -DPOOL_NX_OPTIN=1 -DENTRY=1 %mingw_nx %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=nx -DPOOL_NX_OPTIN=1 -DENTRY=2 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=nx -DPOOL_NX_OPTIN=1 -DENTRY=2 %mingw_nx %wdk_shape %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=exec -DPOOL_NX_OPTIN=1 -DENTRY=3 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=exec -DPOOL_NX_OPTIN=1 -DENTRY=3 %mingw_nx %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=exec -DPOOL_NX_OPTIN=1 -DENTRY=4 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=exec -DPOOL_NX_OPTIN=1 -DENTRY=4 %wdk_shape %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=exec -DPOOL_NX_OPTIN=1 -DENTRY=4 %mingw_nx %s
// Without the opt-in macro, DriverEntry's call changes nothing in the source:
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=plain -DENTRY=4 %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify=plain -DENTRY=4 %mingw_nx %s
// nx-no-diagnostics
#include <ntddk.h>
#include <wdf.h>

#define TAG 'yrtN'

PVOID allocate_nonpaged(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, TAG); // exec-warning{{ExAllocatePoolWithTag allocates executable non-paged memory: POOL_NX_OPTIN is defined but DriverEntry never opts in, and writable, executable kernel memory is a code-injection target; call ExInitializeDriverRuntime(DrvRtPoolNxOptIn) in DriverEntry or use NonPagedPoolNx}} exec-note{{ExAllocatePoolWithTag allocates executable non-paged memory: POOL_NX_OPTIN is defined but DriverEntry never opts in}}
  // plain-warning@-1{{ExAllocatePoolWithTag allocates executable non-paged memory: writable, executable kernel memory is a code-injection target and HVCI-compatible drivers must not use it; use NonPagedPoolNx}} plain-note@-1{{ExAllocatePoolWithTag allocates executable non-paged memory}}
}

void create_memory(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = request;
  WdfMemoryCreate(&attributes, NonPagedPool, TAG, 64, &memory, NULL); // exec-warning{{WdfMemoryCreate allocates executable non-paged memory: POOL_NX_OPTIN is defined}} exec-note{{WdfMemoryCreate allocates executable non-paged memory}}
  // plain-warning@-1{{WdfMemoryCreate allocates executable non-paged memory: writable}} plain-note@-1{{WdfMemoryCreate allocates executable non-paged memory}}
}

void create_lookaside(WDFDEVICE device) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFLOOKASIDE lookaside;
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = device;
  WdfLookasideListCreate(&attributes, 128, NonPagedPool, WDF_NO_OBJECT_ATTRIBUTES, TAG, &lookaside); // exec-warning{{WdfLookasideListCreate is given an executable pool type}} exec-note{{WdfLookasideListCreate is given an executable pool type}}
  // plain-warning@-1{{WdfLookasideListCreate is given an executable pool type}} plain-note@-1{{WdfLookasideListCreate is given an executable pool type}}
}

// A non-paged lookaside list without POOL_NX_ALLOCATION: the opt-in adds
// the bit when DriverEntry opts in.
void init_lookaside(NPAGED_LOOKASIDE_LIST *list) {
  ExInitializeNPagedLookasideList(list, NULL, NULL, 0, 128, TAG, 0); // exec-warning{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries: its Flags lack POOL_NX_ALLOCATION, POOL_NX_OPTIN is defined but DriverEntry never opts in}} exec-note{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries}}
  // plain-warning@-1{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries: its Flags lack POOL_NX_ALLOCATION, and writable}} plain-note@-1{{ExInitializeNPagedLookasideList makes a list of executable non-paged entries}}
}

// NX whatever DriverEntry does.
PVOID allocate_nx(void) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 64, TAG); // no-warning
}

#if ENTRY == 2
static VOID StartDriverRuntime(VOID) {
  ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
}
#endif

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) { // exec-note 4 {{DriverEntry never calls ExInitializeDriverRuntime(DrvRtPoolNxOptIn): POOL_NX_OPTIN leaves NonPagedPool executable until that call}}
#if ENTRY == 1
  ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
#elif ENTRY == 2
  StartDriverRuntime();
#elif ENTRY == 3 && defined(POOL_NX_OPTIN)
  ExInitializeDriverRuntime(0);
#endif
  return STATUS_SUCCESS;
}
