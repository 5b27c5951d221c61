/* A small driver against mingw-w64's DDK headers and wdfcheck's shim:
 * ExAllocatePool2 with POOL_FLAG_*, a DPC typed EVT_WDF_DPC, SAL IRQL
 * annotations on prototypes.  The paged allocation under
 * _IRQL_requires_max_(DISPATCH_LEVEL) is WM001: the annotation must reach
 * wdfcheck through the shim's empty driverspecs macros. */
#include <ntddk.h>
#include <ntstrsafe.h>
#include <wdf.h>

#define TAG 'tseT'

EVT_WDF_DPC EvtDpc;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID UsePagedPool(VOID);

VOID UsePagedPool(VOID) {
  PVOID P = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
  if (P != NULL)
    ExFreePoolWithTag(P, TAG);
}

VOID EvtDpc(_In_ WDFDPC Dpc) {
  UNICODE_STRING Name;
  WCHAR Buffer[32];
  PVOID P = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TAG);
  UNREFERENCED_PARAMETER(Dpc);
  RtlInitEmptyUnicodeString(&Name, Buffer, sizeof(Buffer));
  (void)RtlUnicodeStringPrintf(&Name, L"dpc %d", 1);
  if (P != NULL)
    ExFreePoolWithTag(P, TAG);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject,
                     _In_ PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);
  ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
  return STATUS_SUCCESS;
}

/* A DPC: its IRQL comes from EVT_WDF_DPC's annotation in wdf.h. */
EVT_WDF_DPC EvtPagedDpc;

VOID EvtPagedDpc(_In_ WDFDPC Dpc) {
  PVOID P = ExAllocatePool2(POOL_FLAG_PAGED, 64, TAG);
  UNREFERENCED_PARAMETER(Dpc);
  if (P != NULL)
    ExFreePoolWithTag(P, TAG);
}
