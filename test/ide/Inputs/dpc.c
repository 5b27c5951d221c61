// A DPC that allocates paged pool (WM001, with a fix-it) and has an unused
// variable (a compiler warning that clangd shows).
#include <ntddk.h>
#include <wdf.h>

typedef struct _SAMPLE {
  ULONG Count;
} SAMPLE;

EVT_WDF_DPC SampleDpc;
VOID SampleDpc(WDFDPC Dpc) {
  int unused;
  SAMPLE *sample = ExAllocatePool2(POOL_FLAG_PAGED, sizeof(SAMPLE), 'pmaS');
  if (sample != NULL)
    ExFreePoolWithTag(sample, 'pmaS');
}
