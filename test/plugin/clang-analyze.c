// The plugin loads into clang --analyze and reports WM007 under the wdf
// package, as scan-build and other CSA front ends see it.
// RUN: %clang --analyze -Xclang -load -Xclang %plugin -Xclang -analyzer-checker=wdf -I %model_include %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang --analyze -Xclang -load -Xclang %plugin -Xclang -analyzer-checker=wdf.BadArgument -I %model_include %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -cc1 -load %plugin -analyzer-checker-help | FileCheck --check-prefix=HELP %s
#include <ntddk.h>
#include <wdf.h>

PVOID allocate(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, 'gulP');
}
// CHECK: clang-analyze.c:10:10: warning: ExAllocatePoolWithTag allocates executable non-paged memory: {{.*}} [wdf.BadArgument]
// HELP: wdf.BadArgument
