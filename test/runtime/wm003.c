// WM003 at run time: never-written bytes that reach a request's output
// buffer, checked where they enter it (an Rtl copy, WdfMemoryCopy*) and at
// completion for the bytes Information reports, with the exact spans.  The
// coarse model (0xD0 fill and the runtime's own writes) sees what the
// driver leaves untouched; MemorySanitizer also sees the padding of a
// struct copied from the stack.
// RUN: %wdfrt_driver %s %wdfrt_link -o %t
// RUN: not %t --no-leak-check -e 'ioctl 0x222000 0 16' -e 'ioctl 0x222004 0 16' -e 'ioctl 0x222008 0 8' -e 'read 16' -e 'ioctl 0x22200C 4 4' 2> %t.err
// RUN: FileCheck --check-prefixes=CHECK,COARSE %s < %t.err
// RUN: %wdfrt_msan_driver %s %wdfrt_msan_link -o %t.msan
// RUN: not %t.msan --no-leak-check -e 'ioctl 0x222000 0 16' -e 'ioctl 0x222004 0 16' -e 'ioctl 0x222008 0 8' -e 'read 16' -e 'ioctl 0x22200C 4 4' 2> %t.msan.err
// RUN: FileCheck --check-prefixes=CHECK,MSAN %s < %t.msan.err
#include <ntddk.h>
#include <wdf.h>

typedef struct _PADDED {
  UCHAR Kind; /* three bytes of padding follow */
  ULONG Value;
} PADDED;

static VOID EvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request,
                               size_t OutputBufferLength,
                               size_t InputBufferLength, ULONG IoControlCode) {
  UCHAR *out;
  WDFMEMORY scratch;
  PVOID data;
  ULONG_PTR information = OutputBufferLength;
  UNREFERENCED_PARAMETER(Queue);
  UNREFERENCED_PARAMETER(InputBufferLength);
  if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, 1, (PVOID *)&out, NULL))) {
    WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
    return;
  }
  switch (IoControlCode) {
  case 0x222000: /* bytes 4-7 and 12-15 are never written */
    for (int i = 0; i < 4; ++i) {
      out[i] = 1;
      out[8 + i] = 2;
    }
    break;
  case 0x222004: /* a WdfMemoryCreate buffer, half written, copied out */
    WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 'tseT', 16,
                    &scratch, &data);
    RtlZeroMemory(data, 8);
    RtlCopyMemory(out, data, 16);
    // CHECK-DAG: wm003.c:[[@LINE-1]]: error: RtlCopyMemory copies 16 bytes to the request's output buffer; bytes 8-15 of them were never written and disclose kernel memory [WM003 wdf.UninitDisclosure]
    WdfObjectDelete(scratch);
    break;
  case 0x222008: { /* a struct from the stack: its padding */
    PADDED padded;
    padded.Kind = 1;
    padded.Value = 7;
    *(PADDED *)out = padded;
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof padded);
    // MSAN-DAG: wm003.c:[[@LINE-1]]: error: WdfRequestCompleteWithInformation returns 8 bytes of the output buffer (Information): bytes 1-3 of them were never written and disclose kernel memory [WM003 wdf.UninitDisclosure]
    return;
  }
  case 0x22200C: /* METHOD_BUFFERED: the output shares the input's bytes */
    break;
  }
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, information);
  // CHECK-DAG: wm003.c:[[@LINE-1]]: error: WdfRequestCompleteWithInformation returns 16 bytes of the output buffer (Information): bytes 4-7 and 12-15 of them were never written and disclose kernel memory [WM003 wdf.UninitDisclosure]
}

static VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  WDFMEMORY output;
  ULONG *pool = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED,
                                16, 'tseT');
  UNREFERENCED_PARAMETER(Queue);
  pool[0] = 0x11111111;
  pool[3] = 0x44444444;
  WdfRequestRetrieveOutputMemory(Request, &output);
  WdfMemoryCopyFromBuffer(output, 0, pool, Length);
  // CHECK-DAG: wm003.c:[[@LINE-1]]: error: WdfMemoryCopyFromBuffer copies 16 bytes to the request's output buffer; bytes 4-11 of them were never written and disclose kernel memory [WM003 wdf.UninitDisclosure]
  ExFreePoolWithTag(pool, 'tseT');
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}

static NTSTATUS EvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_IO_QUEUE_CONFIG config;
  WDFDEVICE device;
  UNREFERENCED_PARAMETER(Driver);
  NTSTATUS status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &device);
  if (!NT_SUCCESS(status))
    return status;
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchSequential);
  config.EvtIoDeviceControl = EvtIoDeviceControl;
  config.EvtIoRead = EvtIoRead;
  return WdfIoQueueCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, EvtDeviceAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                         &config, WDF_NO_HANDLE);
}
// COARSE-NOT: bytes 1-3
// COARSE: wdfrt: 3 findings (3 WM003) in 5 requests; never-written bytes: coarse model
// MSAN: wdfrt: 4 findings (4 WM003) in 5 requests; never-written bytes: MemorySanitizer
