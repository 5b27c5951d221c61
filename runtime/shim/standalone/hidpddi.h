/* hidpddi.h (wdfcheck shim stand-in) - the HID parser's report-descriptor
 * API for minidrivers (HidP_GetCollectionDescription), which mingw-w64
 * does not ship.  Searched after mingw-w64.  From the documented
 * declarations. */
#ifndef WDFCHECK_SHIM_HIDPDDI_H
#define WDFCHECK_SHIM_HIDPDDI_H

#include <hidpi.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _HIDP_COLLECTION_DESC {
  USAGE UsagePage;
  USAGE Usage;
  UCHAR CollectionNumber;
  UCHAR Reserved[15];
  USHORT InputLength;
  USHORT OutputLength;
  USHORT FeatureLength;
  USHORT PreparsedDataLength;
  PHIDP_PREPARSED_DATA PreparsedData;
} HIDP_COLLECTION_DESC, *PHIDP_COLLECTION_DESC;

typedef struct _HIDP_REPORT_IDS {
  UCHAR ReportID;
  UCHAR CollectionNumber;
  USHORT InputLength;
  USHORT OutputLength;
  USHORT FeatureLength;
} HIDP_REPORT_IDS, *PHIDP_REPORT_IDS;

typedef struct _HIDP_GETCOLDESC_DBG {
  ULONG BreakOffset;
  ULONG ErrorCode;
  ULONG Args[6];
} HIDP_GETCOLDESC_DBG, *PHIDP_GETCOLDESC_DBG;

typedef struct _HIDP_DEVICE_DESC {
  PHIDP_COLLECTION_DESC CollectionDesc;
  ULONG CollectionDescLength;
  PHIDP_REPORT_IDS ReportIDs;
  ULONG ReportIDsLength;
  HIDP_GETCOLDESC_DBG Dbg;
} HIDP_DEVICE_DESC, *PHIDP_DEVICE_DESC;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS HidP_GetCollectionDescription(
    _In_reads_bytes_(DescLength) PUCHAR ReportDesc, _In_ ULONG DescLength,
    _In_ POOL_TYPE PoolType, _Out_ PHIDP_DEVICE_DESC DeviceDescription);

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID HidP_FreeCollectionDescription(_In_ PHIDP_DEVICE_DESC DeviceDescription);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_HIDPDDI_H */
