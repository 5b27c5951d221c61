#include <ntddk.h>
#include <wdf.h>

typedef struct {
  UCHAR *Table;   /* paged, stored in device.c only */
  UCHAR *Scratch; /* paged in dpc.c, non-paged in device.c */
} DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, GetDeviceContext)
