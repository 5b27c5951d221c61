// Uses the headers generated from events.mc and provider.man the way
// drivers do (usb/kmdf_fx2 calls EventRegister / EventWrite with an
// activity id first).
#include <ntddk.h>
#include <wdf.h>
#include "events.h"
#include "provider.h"

NTSTATUS Start(PVOID Device, ULONG Length, NTSTATUS Status) {
  GUID activity = {0};
  NTSTATUS codes[] = {GEN_STARTED, GEN_FAILED, GEN_IO_SLOW};
  EventRegisterGen_Test_Driver();
  if (EventEnabledTransferStart())
    EventWriteTransferStart(&activity, Device, Length, Status);
  EventWriteDeviceArrived(NULL);
  EventUnregisterGen_Test_Driver();
#ifdef WRONG_ARITY
  EventWriteTransferStart(&activity, Device, Length);
#endif
  (void)GEN_TEST_IO_KEYWORD;
  (void)GEN_TEST_TRANSFER;
  (void)GEN_TEST_OPERATIONAL;
  return codes[0] == STATUS_SEVERITY_INFORMATIONAL ? Status : FACILITY_GEN_TEST;
}
