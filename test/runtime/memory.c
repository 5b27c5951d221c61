// The memory DDIs with their documented statuses: zero
// sizes, copies past the end, read-only request memory aside; buffers
// aligned as the system allocator's; lookaside buffers below a page zeroed;
// a preallocated buffer stays the driver's; pool zeroed per its flags.
// RUN: %wdfrt_driver %s %wdfrt_lib -o %t
// RUN: %t > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=REPORT %s < %t.err
#include <ntddk.h>
#include <wdf.h>
#include <stdint.h>
#include <stdio.h>

#include "wdfrt.h"

static int all(const unsigned char *p, size_t n, unsigned char value) {
  for (size_t i = 0; i < n; ++i)
    if (p[i] != value)
      return 0;
  return 1;
}

int main(void) {
  WDFMEMORY memory = (WDFMEMORY)(ULONG_PTR)1, big;
  PVOID buffer;
  unsigned char bytes[64] = {1, 2, 3, 4, 5, 6, 7, 8};
  size_t size;

  // Zero size: STATUS_INVALID_PARAMETER, *Memory untouched, WM007.
  printf("zero %08X untouched %d\n",
         (unsigned)WdfMemoryCreate(NULL, NonPagedPoolNx, 'tseT', 0, &memory,
                                   &buffer),
         memory == (WDFMEMORY)(ULONG_PTR)1);
  // CHECK: zero C000000D untouched 1
  // REPORT: memory.c:[[@LINE-4]]: error: 'BufferSize' is 0 in this call of WdfMemoryCreate: the framework fails it with STATUS_INVALID_PARAMETER [WM007 wdf.BadArgument]

  WdfMemoryCreate(NULL, NonPagedPoolNx, 'tseT', 16, &memory, &buffer);
  printf("aligned %d size %zu same %d\n", (uintptr_t)buffer % 16 == 0,
         (WdfMemoryGetBuffer(memory, &size), size),
         WdfMemoryGetBuffer(memory, NULL) == buffer);
  // CHECK-NEXT: aligned 1 size 16 same 1
  WdfMemoryCreate(NULL, PagedPool, 'tseT', 3 * PAGE_SIZE, &big, &buffer);
  printf("page aligned %d\n", (uintptr_t)buffer % PAGE_SIZE == 0);
  // CHECK-NEXT: page aligned 1

  // Copies: the buffer's bounds and the documented statuses.
  printf("from %08X %08X %08X\n",
         (unsigned)WdfMemoryCopyFromBuffer(memory, 8, bytes, 8),
         (unsigned)WdfMemoryCopyFromBuffer(memory, 9, bytes, 8),
         (unsigned)WdfMemoryCopyFromBuffer(memory, 16, bytes, 1));
  // CHECK-NEXT: from 00000000 C0000206 C0000206
  printf("to %08X %08X %08X\n",
         (unsigned)WdfMemoryCopyToBuffer(memory, 8, bytes + 32, 8),
         (unsigned)WdfMemoryCopyToBuffer(memory, 0, bytes, 17),
         (unsigned)WdfMemoryCopyToBuffer(memory, 0, bytes, 0));
  // CHECK-NEXT: to 00000000 C0000023 C000000D
  // REPORT-NEXT: memory.c:[[@LINE-2]]: error: 'NumBytesToCopyTo' is 0 in this call of WdfMemoryCopyToBuffer: the framework fails it with STATUS_INVALID_PARAMETER [WM007 wdf.BadArgument]
  printf("copied %d\n", all(bytes + 32, 1, 1) && bytes[39] == 8);
  // CHECK-NEXT: copied 1

  // NULL out-handle: KMDF bug checks; the runtime reports and fails.
  printf("null %08X\n", (unsigned)WdfMemoryCreate(NULL, NonPagedPoolNx,
                                                   'tseT', 8, NULL, NULL));
  // CHECK-NEXT: null C000000D
  // REPORT-NEXT: memory.c:[[@LINE-3]]: error: 'Memory' is NULL in this call of WdfMemoryCreate: the framework bug checks (0x10D WDF_VIOLATION, 0x4 required parameter NULL); the runtime fails the call instead [WM007 wdf.BadArgument]

  // Preallocated: the driver's buffer, left alone by delete.
  WDFMEMORY pre;
  printf("pre %08X\n", (unsigned)WdfMemoryCreatePreallocated(
                           NULL, bytes, sizeof bytes, &pre));
  // CHECK-NEXT: pre 00000000
  printf("pre buffer %d\n", WdfMemoryGetBuffer(pre, NULL) == bytes);
  // CHECK-NEXT: pre buffer 1
  printf("assign %08X %08X\n",
         (unsigned)WdfMemoryAssignBuffer(pre, bytes + 8, 8),
         (unsigned)WdfMemoryAssignBuffer(memory, bytes, 8));
  // CHECK-NEXT: assign 00000000 C000000D
  // REPORT-NEXT: memory.c:[[@LINE-2]]: error: WdfMemoryAssignBuffer on a WDFMEMORY that was not made by WdfMemoryCreatePreallocated (bug check 0x10D/0x5) [driver fault]
  WdfObjectDelete(pre);
  bytes[0] = 42;
  printf("still ours %d\n", bytes[0]);
  // CHECK-NEXT: still ours 42

  // Lookaside lists: zeroed below a page, not from a page up; the memory
  // outlives the list.
  WDFLOOKASIDE small, large;
  WDFMEMORY a, b;
  WdfLookasideListCreate(NULL, 64, NonPagedPoolNx, NULL, 'tseT', &small);
  WdfLookasideListCreate(NULL, PAGE_SIZE, NonPagedPoolNx, NULL, 'tseT', &large);
  WdfMemoryCreateFromLookaside(small, &a);
  WdfMemoryCreateFromLookaside(large, &b);
  printf("small zeroed %d large zeroed %d\n",
         all(WdfMemoryGetBuffer(a, NULL), 64, 0),
         all(WdfMemoryGetBuffer(b, NULL), PAGE_SIZE, 0));
  // CHECK-NEXT: small zeroed 1 large zeroed 0
  WdfObjectDelete(small);
  printf("outlives %zu\n", (WdfMemoryGetBuffer(a, &size), size));
  // CHECK-NEXT: outlives 64
  WdfObjectDelete(a);

  // Pool: ExAllocatePool2 zeroes unless asked not to.
  unsigned char *zeroed = ExAllocatePool2(POOL_FLAG_NON_PAGED, 32, 'tseT');
  unsigned char *raw =
      ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, 32, 'tseT');
  printf("pool zeroed %d raw zeroed %d\n", all(zeroed, 32, 0), all(raw, 32, 0));
  // CHECK-NEXT: pool zeroed 1 raw zeroed 0
  ExFreePoolWithTag(zeroed, 'tseT');
  ExFreePoolWithTag(zeroed, 'tseT');
  // REPORT-NEXT: memory.c:[[@LINE-1]]: error: ExFreePoolWithTag frees 0x{{[0-9a-f]+}} twice (bug check 0xC2/0x7) [driver fault]

  // Bad tags and executable pool: WM007, and the allocation still happens.
  void *tagged = ExAllocatePoolWithTag(NonPagedPoolNx, 8, 0xC1424344);
  // REPORT-NEXT: memory.c:[[@LINE-1]]: error: ExAllocatePoolWithTag gets pool tag 0xC1424344 with the byte 0xC1 above 0x7F; a pool tag is four ASCII characters [WM007 wdf.BadArgument]
  void *exec = ExAllocatePoolWithTag(NonPagedPool, 8, 'tseT');
  // REPORT-NEXT: memory.c:[[@LINE-1]]: error: ExAllocatePoolWithTag allocates executable non-paged memory (pool type 0); NonPagedPoolNx serves [WM007 wdf.BadArgument]
  printf("allocated %d %d\n", tagged != NULL, exec != NULL);
  // CHECK-NEXT: allocated 1 1
  return 0;
}
