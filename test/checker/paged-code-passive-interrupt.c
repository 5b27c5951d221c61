// WM011 wdf.PagedCode: an interrupt with PassiveHandling runs its ISR,
// EvtInterruptEnable and EvtInterruptDisable at PASSIVE_LEVEL, so pageable
// ones are fine there; the setting belongs to its own interrupt's config.
// Another interrupt of the same file, its config reinitialised, runs its ISR
// at DIRQL; a PassiveHandling the index cannot read may be either.
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %s
// RUN: %wdf_analyze -analyzer-checker=wdf.PagedCode -verify %msvc %wdk_shape -DDBG=1 %s
// RUN: %wdf_analyze -x c++ -std=c++17 -analyzer-checker=wdf.PagedCode -verify %msvc %wdk_shape %s
#include <ntddk.h>
#include <wdf.h>

#ifdef __cplusplus
extern "C" {
#endif
BOOLEAN PassiveIsr(WDFINTERRUPT Interrupt, ULONG MessageID);
NTSTATUS PassiveEnable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice);
BOOLEAN HighIsr(WDFINTERRUPT Interrupt, ULONG MessageID);
BOOLEAN MaybeIsr(WDFINTERRUPT Interrupt, ULONG MessageID);
VOID PagedDpc(WDFDPC Dpc);
#ifdef __cplusplus
}
#endif
#pragma alloc_text(PAGE, PassiveIsr)
#pragma alloc_text(PAGE, PassiveEnable)
#pragma alloc_text(PAGE, HighIsr)
#pragma alloc_text(PAGE, MaybeIsr)
#pragma alloc_text(PAGE, PagedDpc)
BOOLEAN PassiveIsr(WDFINTERRUPT Interrupt, ULONG MessageID) {
  PAGED_CODE();
  return TRUE;
}
NTSTATUS PassiveEnable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice) {
  PAGED_CODE();
  return STATUS_SUCCESS;
}
BOOLEAN HighIsr(WDFINTERRUPT Interrupt, ULONG MessageID) {
  PAGED_CODE();
  return TRUE;
}
BOOLEAN MaybeIsr(WDFINTERRUPT Interrupt, ULONG MessageID) {
  PAGED_CODE();
  return TRUE;
}
VOID PagedDpc(WDFDPC Dpc) {}

NTSTATUS CreateObjects(WDFDEVICE Device, WDFWAITLOCK Lock, BOOLEAN Passive) {
  WDF_INTERRUPT_CONFIG config;
  WDF_DPC_CONFIG dpcConfig;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFINTERRUPT interrupt;
  WDFDPC dpc;
  NTSTATUS status;
  WDF_INTERRUPT_CONFIG_INIT(&config, PassiveIsr, NULL); // no-warning
  config.PassiveHandling = TRUE;
  config.EvtInterruptEnable = PassiveEnable; // no-warning
  config.WaitLock = Lock;
  status = WdfInterruptCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, &interrupt);
  if (!NT_SUCCESS(status))
    return status;
  // The same config, reinitialised: PassiveHandling is FALSE again.
  WDF_INTERRUPT_CONFIG_INIT(&config, HighIsr, NULL); // expected-warning{{'HighIsr' is pageable (in a PAGE section) but has the role EvtInterruptIsr, which the framework calls at DIRQL: its page may be out there and cannot be brought in; make it non-pageable, or create the interrupt with PassiveHandling}} expected-note{{'HighIsr' is pageable}}
  status = WdfInterruptCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, &interrupt);
  if (!NT_SUCCESS(status))
    return status;
  // A setting known only at run time: the ISR may run at PASSIVE_LEVEL.
  WDF_INTERRUPT_CONFIG_INIT(&config, MaybeIsr, NULL); // no-warning
  config.PassiveHandling = Passive;
  config.WaitLock = Lock;
  status = WdfInterruptCreate(Device, &config, WDF_NO_OBJECT_ATTRIBUTES, &interrupt);
  if (!NT_SUCCESS(status))
    return status;
  WDF_DPC_CONFIG_INIT(&dpcConfig, PagedDpc); // expected-warning{{'PagedDpc' is pageable (in a PAGE section) but has the role EvtDpcFunc}} expected-note{{'PagedDpc' is pageable}}
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  return WdfDpcCreate(&dpcConfig, &attributes, &dpc);
}
