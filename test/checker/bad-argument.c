// WM007 wdf.BadArgument: arguments a memory DDI rejects, known on the path.
// Plain prototypes and the WDK's FORCEINLINE wrappers, Linux and MSVC targets.
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify %wdk_shape %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#define TAG 'tseT'

static void init_parented(WDF_OBJECT_ATTRIBUTES *attributes, WDFOBJECT parent) {
  WDF_OBJECT_ATTRIBUTES_INIT(attributes);
  attributes->ParentObject = parent;
}

// ---- BufferSize zero ---------------------------------------------------------

void size_zero_constant(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 0, &memory, NULL); // expected-warning{{'BufferSize' is 0 on this path: WdfMemoryCreate rejects a zero size with STATUS_INVALID_PARAMETER; check the size before the call}} expected-note{{'BufferSize' is 0 on this path}}
}

void size_zero_on_branch(WDFREQUEST request, size_t length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  if (length == 0) { // expected-note{{Assuming 'length' is equal to 0}} expected-note{{Taking true branch}}
    WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, length, &memory, NULL); // expected-warning{{'BufferSize' is 0 on this path}} expected-note{{'BufferSize' is 0 on this path}}
  }
}

void size_zero_through_variable(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  size_t size = 0; // expected-note{{'size' initialized to 0}}
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, size, &memory, NULL); // expected-warning{{'BufferSize' is 0 on this path}} expected-note{{'BufferSize' is 0 on this path}}
}

void size_unknown(WDFREQUEST request, size_t length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, length, &memory, NULL); // no-warning
}

void size_checked_first(WDFREQUEST request, size_t length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  if (length == 0)
    return;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, length, &memory, NULL); // no-warning
}

void size_zero_preallocated(WDFREQUEST request, PVOID buffer) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreatePreallocated(&attributes, buffer, 0, &memory); // expected-warning{{'BufferSize' is 0 on this path: WdfMemoryCreatePreallocated rejects a zero size}} expected-note{{'BufferSize' is 0 on this path}}
}

void size_zero_lookaside(WDFDEVICE device) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFLOOKASIDE lookaside;
  init_parented(&attributes, device);
  WdfLookasideListCreate(&attributes, 0, NonPagedPoolNx, WDF_NO_OBJECT_ATTRIBUTES, TAG, &lookaside); // expected-warning{{'BufferSize' is 0 on this path: WdfLookasideListCreate rejects a zero size}} expected-note{{'BufferSize' is 0 on this path}}
}

PVOID size_zero_pool(SIZE_T count) {
  if (count != 0) // expected-note{{Assuming 'count' is equal to 0}} expected-note{{Taking false branch}}
    return NULL;
  return ExAllocatePoolWithTag(NonPagedPoolNx, count, TAG); // expected-warning{{'NumberOfBytes' is 0 on this path: a zero-byte pool allocation is a Driver Verifier violation (bug check 0xC4, 0x0); check the size before allocating}} expected-note{{'NumberOfBytes' is 0 on this path}}
}

NTSTATUS size_zero_copy(WDFMEMORY memory, PVOID buffer) {
  return WdfMemoryCopyToBuffer(memory, 0, buffer, 0); // expected-warning{{'NumBytesToCopyTo' is 0 on this path: WdfMemoryCopyToBuffer rejects a zero size}} expected-note{{'NumBytesToCopyTo' is 0 on this path}}
}

// ---- Pool tags ---------------------------------------------------------------

void tag_not_ascii(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, 0x8074654D, 64, &memory, NULL); // expected-warning{{pool tag 0x8074654d has a byte above 0x7F (0x80): tags are four ASCII characters and the top bit is reserved (PROTECTED_POOL); use a character constant such as 'gaTm'}} expected-note{{pool tag 0x8074654d has a byte above 0x7F}}
}

PVOID tag_not_ascii_pool(ULONG tag) {
  if (tag != 0x00E9614D) // expected-note{{Assuming 'tag' is equal to 15294797}} expected-note{{Taking false branch}}
    return NULL;
  return ExAllocatePoolWithTag(NonPagedPoolNx, 32, tag); // expected-warning{{pool tag 0x00e9614d has a byte above 0x7F (0xe9)}} expected-note{{pool tag 0x00e9614d has a byte above 0x7F (0xe9)}}
}

PVOID tag_string(void) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 32, (ULONG)(ULONG_PTR)"Tag1"); // expected-warning{{pool tag is a pointer converted to an integer: the tag becomes part of an address, different on every boot and unreadable in !pool and poolmon; use a character constant such as 'gaTm'}} expected-note{{pool tag is a pointer converted to an integer}}
}

PVOID tag_pointer(const char *name) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 32, (ULONG)(ULONG_PTR)name); // expected-warning{{pool tag is a pointer converted to an integer}} expected-note{{pool tag is a pointer converted to an integer}}
}

PVOID tag_good(void) {
  return ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, 'gaTm'); // no-warning
}

PVOID tag_unknown(ULONG tag) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 32, tag); // no-warning
}

void tag_zero_is_default(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, 0, 64, &memory, NULL); // no-warning
}

// ---- Executable pool ------------------------------------------------------------

void executable_pool(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPool, TAG, 64, &memory, NULL); // expected-warning{{WdfMemoryCreate allocates executable non-paged memory: writable, executable kernel memory is a code-injection target and HVCI-compatible drivers must not use it; use NonPagedPoolNx}} expected-note{{WdfMemoryCreate allocates executable non-paged memory}}
}

PVOID executable_pool_allocation(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, TAG); // expected-warning{{ExAllocatePoolWithTag allocates executable non-paged memory}} expected-note{{ExAllocatePoolWithTag allocates executable non-paged memory}}
}

PVOID executable_pool_cache_aligned(void) {
  return ExAllocatePoolWithTag(NonPagedPoolCacheAligned, 64, TAG); // expected-warning{{use NonPagedPoolNxCacheAligned}} expected-note{{use NonPagedPoolNxCacheAligned}}
}

// The framework makes every lookaside list NX, but Driver Verifier's NX check
// sees the type the driver passed.
void executable_lookaside(WDFDEVICE device) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFLOOKASIDE lookaside;
  init_parented(&attributes, device);
  WdfLookasideListCreate(&attributes, 128, NonPagedPool, WDF_NO_OBJECT_ATTRIBUTES, TAG, &lookaside); // expected-warning{{WdfLookasideListCreate is given an executable pool type: the framework allocates the list's memory NX anyway, but Driver Verifier's NX check and HVCI readiness tests flag the type passed; pass NonPagedPoolNx}} expected-note{{WdfLookasideListCreate is given an executable pool type}}
}

void lookaside_nx(WDFDEVICE device) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFLOOKASIDE lookaside;
  init_parented(&attributes, device);
  WdfLookasideListCreate(&attributes, 128, NonPagedPoolNx, WDF_NO_OBJECT_ATTRIBUTES, TAG, &lookaside); // no-warning
}

PVOID executable_through_variable(int cached) {
  POOL_TYPE type = NonPagedPoolNx;
  if (cached) // expected-note{{Assuming 'cached' is not equal to 0}} expected-note{{Taking true branch}}
    type = NonPagedPool; // expected-note{{The value 0 is assigned to 'type'}}
  return ExAllocatePoolWithTag(type, 64, TAG); // expected-warning{{ExAllocatePoolWithTag allocates executable non-paged memory}} expected-note{{ExAllocatePoolWithTag allocates executable non-paged memory}}
}

PVOID executable_intended(void) {
  return ExAllocatePoolWithTag(NonPagedPoolExecute, 64, TAG); // no-warning
}

PVOID pool_nx(void) {
  return ExAllocatePoolWithTag(NonPagedPoolNx, 64, TAG); // no-warning
}

PVOID pool_paged(void) {
  return ExAllocatePoolWithTag(PagedPool, 64, TAG); // no-warning
}

PVOID pool_unknown(POOL_TYPE type) {
  return ExAllocatePoolWithTag(type, 64, TAG); // no-warning
}

PVOID pool_flags_execute_intended(void) {
  return ExAllocatePool2(POOL_FLAG_NON_PAGED_EXECUTE, 64, TAG); // no-warning
}

// ---- NULL required pointers ------------------------------------------------------

void null_memory(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, NULL, NULL); // expected-warning{{'Memory' is NULL: WdfMemoryCreate stops the machine (bug check 0x10D WDF_VIOLATION, REQUIRED_PARAMETER_IS_NULL); pass a valid pointer}} expected-note{{'Memory' is NULL}}
  // The machine has stopped: nothing after the call is analysed.
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 0, NULL, NULL); // no-warning
}

void null_memory_on_branch(WDFREQUEST request, WDFMEMORY *out) {
  WDF_OBJECT_ATTRIBUTES attributes;
  init_parented(&attributes, request);
  if (out == NULL) { // expected-note{{Assuming 'out' is equal to NULL}} expected-note{{Taking true branch}}
    WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, out, NULL); // expected-warning{{'Memory' is NULL: WdfMemoryCreate stops the machine}} expected-note{{'Memory' is NULL}}
  }
}

void null_memory_unknown(WDFREQUEST request, WDFMEMORY *out) {
  WDF_OBJECT_ATTRIBUTES attributes;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, out, NULL); // no-warning
}

void null_preallocated_buffer(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreatePreallocated(&attributes, NULL, 64, &memory); // expected-warning{{'Buffer' is NULL: WdfMemoryCreatePreallocated stops the machine}} expected-note{{'Buffer' is NULL}}
}

void null_lookaside(WDFDEVICE device) {
  WDF_OBJECT_ATTRIBUTES attributes;
  init_parented(&attributes, device);
  WdfLookasideListCreate(&attributes, 128, NonPagedPoolNx, WDF_NO_OBJECT_ATTRIBUTES, TAG, NULL); // expected-warning{{'Lookaside' is NULL: WdfLookasideListCreate stops the machine}} expected-note{{'Lookaside' is NULL}}
}

void null_retrieved_buffer(WDFREQUEST request) {
  WdfRequestRetrieveOutputBuffer(request, 16, NULL, NULL); // expected-warning{{'Buffer' is NULL: WdfRequestRetrieveOutputBuffer stops the machine}} expected-note{{'Buffer' is NULL}}
}

void optional_buffer_out_is_fine(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPoolNx, TAG, 64, &memory, NULL); // no-warning
}

// ---- Several problems in one call: one finding each ------------------------------

void several(WDFREQUEST request) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  init_parented(&attributes, request);
  WdfMemoryCreate(&attributes, NonPagedPool, 0xFFFFFFFF, 0, &memory, NULL); // expected-warning{{'BufferSize' is 0 on this path}} expected-note{{'BufferSize' is 0 on this path}} expected-warning{{pool tag 0xffffffff has a byte above 0x7F (0xff)}} expected-note{{pool tag 0xffffffff}} expected-warning{{WdfMemoryCreate allocates executable non-paged memory}} expected-note{{WdfMemoryCreate allocates executable non-paged memory}}
}
