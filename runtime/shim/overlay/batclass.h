/* batclass.h (wdfcheck shim overlay) - mingw-w64's batclass.h, then the
 * version 1.1 miniport registration of the battery class (Windows 8:
 * BATTERY_MINIPORT_INFO_V1_1 with the Fdo member), which mingw lacks. */
#include_next <batclass.h>

#ifndef WDFCHECK_SHIM_BATCLASS_H
#define WDFCHECK_SHIM_BATCLASS_H

#ifndef BATTERY_CLASS_MINOR_VERSION_1
#define BATTERY_CLASS_MINOR_VERSION_1 0x0001
#endif

typedef struct _BATTERY_MINIPORT_INFO_V1_1 {
  USHORT MajorVersion;
  USHORT MinorVersion;
  PVOID Context;
  BCLASS_QUERY_TAG QueryTag;
  BCLASS_QUERY_INFORMATION QueryInformation;
  BCLASS_SET_INFORMATION SetInformation;
  BCLASS_QUERY_STATUS QueryStatus;
  BCLASS_SET_STATUS_NOTIFY SetStatusNotify;
  BCLASS_DISABLE_STATUS_NOTIFY DisableStatusNotify;
  PDEVICE_OBJECT Pdo;
  PUNICODE_STRING DeviceName;
  PDEVICE_OBJECT Fdo;
} BATTERY_MINIPORT_INFO_V1_1, *PBATTERY_MINIPORT_INFO_V1_1;

#endif /* WDFCHECK_SHIM_BATCLASS_H */
