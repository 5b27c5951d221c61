// WM011 wdf.PagedCode: an interrupt with PassiveHandling runs its ISR at
// PASSIVE_LEVEL, so a pageable ISR is fine there.  The entry model does not
// tie PassiveHandling to its interrupt yet: a file that sets it for some
// interrupt reports no pageable DIRQL-role registration (a miss, never a
// false alarm).  Its DPC-level roles are still reported.
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %wdk_shape -DDBG=1 %s
#include <ntddk.h>
#include <wdf.h>

BOOLEAN PassiveIsr(WDFINTERRUPT Interrupt, ULONG MessageID);
VOID PagedDpc(WDFDPC Dpc);
#pragma alloc_text(PAGE, PassiveIsr)
#pragma alloc_text(PAGE, PagedDpc)
BOOLEAN PassiveIsr(WDFINTERRUPT Interrupt, ULONG MessageID) {
  PAGED_CODE();
  return TRUE;
}
VOID PagedDpc(WDFDPC Dpc) {}

NTSTATUS CreateObjects(WDFDEVICE Device, WDFWAITLOCK Lock) {
  WDF_INTERRUPT_CONFIG config;
  WDF_DPC_CONFIG dpcConfig;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFINTERRUPT interrupt;
  WDFDPC dpc;
  NTSTATUS status;
  WDF_INTERRUPT_CONFIG_INIT(&config, PassiveIsr, NULL); // no-warning
  config.PassiveHandling = TRUE;
  config.WaitLock = Lock;
  status = WdfInterruptCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, &interrupt);
  if (!NT_SUCCESS(status))
    return status;
  WDF_DPC_CONFIG_INIT(&dpcConfig, PagedDpc); // expected-warning{{'PagedDpc' is pageable (in a PAGE section) but has the role EvtDpcFunc}} expected-note{{'PagedDpc' is pageable}}
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  return WdfDpcCreate(&dpcConfig, &attributes, &dpc);
}
