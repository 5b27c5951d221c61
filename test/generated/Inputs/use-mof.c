// Uses the header generated from device.mof the way the toaster and
// firefly samples use wmimofck's: GUIDs, structs, _SIZE and _ID macros,
// method ids and their _IN / _OUT structs.
#define INITGUID
#include <ntddk.h>
#include <wdf.h>
#include "device.h"

// Strings follow the fixed part (toaster's wmi.c defines this itself).
#define GenDeviceInformation_FIXED_SIZE \
  FIELD_OFFSET(GenDeviceInformation, VariableData)

ULONG Sizes(GenDeviceInformation *Info, GenControl *Control, ULONG Method) {
  GUID guids[] = {GenDeviceInformationGuid, GenControlGuid};
  const GUID *g = &GenDeviceInformation_GUID;
  ULONG size = GenDeviceInformation_FIXED_SIZE + GenControl_Samples_ID;
  Info->Mode = 1;
  Info->Counters[3] = GenDeviceInformation_Counters_SIZE;
  size += GenDeviceInformation_ModelName_ID + GenDeviceInformation_Serial_ID;
  Control->Setting = -1;
  Control->SampleCount = 2;
  Control->Samples[0] = 7;
  if (Method == Reset)
    size += Reset_IN_SIZE + Reset_OUT_SIZE;
  return size + sizeof(guids) + (g != 0) + GenControl_Setting_SIZE;
}
