// The executable-pool finding carries a fix-it to the NX pool type when the
// pool type is written as the enumerator (and a non-paged lookaside list's
// Flags of 0 to POOL_NX_ALLOCATION); none through a macro or variable.
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument -analyzer-config wdf.BadArgument:ShowFixIts=true -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %wdf_analyze -analyzer-checker=wdf.BadArgument %s 2>&1 | FileCheck --check-prefix=OFF %s
#include <ntddk.h>
#include <wdf.h>

#define MY_POOL NonPagedPool

PVOID literal(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, 'xFtW');
}
// (once on the warning, once on its path note)
// CHECK-COUNT-2: fix-it:"{{.*}}bad-argument-fixits.c":{[[@LINE-3]]:32-[[@LINE-3]]:44}:"NonPagedPoolNx"

PVOID cache_aligned(void) {
  return ExAllocatePoolWithTag(NonPagedPoolCacheAligned, 64, 'xFtW');
}
// CHECK-COUNT-2: fix-it:"{{.*}}bad-argument-fixits.c":{[[@LINE-2]]:32-[[@LINE-2]]:56}:"NonPagedPoolNxCacheAligned"

// A non-paged lookaside list's Flags of 0: POOL_NX_ALLOCATION instead.
VOID lookaside_flags(NPAGED_LOOKASIDE_LIST *list) {
  ExInitializeNPagedLookasideList(list, NULL, NULL, 0, 128, 'xFtW', 0);
}
// CHECK-COUNT-2: fix-it:"{{.*}}bad-argument-fixits.c":{[[@LINE-2]]:53-[[@LINE-2]]:54}:"POOL_NX_ALLOCATION"

PVOID through_macro(void) {
  return ExAllocatePoolWithTag(MY_POOL, 64, 'xFtW');
}

PVOID through_variable(void) {
  POOL_TYPE type = NonPagedPool;
  return ExAllocatePoolWithTag(type, 64, 'xFtW');
}
// CHECK-NOT: fix-it:
// OFF-NOT: fix-it:
