/*
 * driver.c - DriverEntry and driver-wide state of the RingBuf driver.
 *
 * The driver keeps a small in-memory log (a circular text buffer) that a
 * debugger extension reads; it lives as long as the driver.
 */
#include "ringbuf.h"

WDFMEMORY RingbufDriverLog;
volatile LONG RingbufSequence;

static KSPIN_LOCK RingbufLogLock;
static PCHAR RingbufLogBuffer;
static ULONG RingbufLogOffset;

static ULONG RingbufFormatHex(PCHAR Out, ULONG Value)
{
    static const CHAR digits[] = "0123456789abcdef";
    ULONG i;

    for (i = 0; i < 8; i++) {
        Out[i] = digits[(Value >> (28 - 4 * i)) & 0xF];
    }
    return 8;
}

/* Appends "<message> <value>\n" to the driver log; any IRQL <= DISPATCH. */
VOID RingbufLog(PCSTR Message, ULONG Value)
{
    CHAR line[64];
    ULONG length = 0;
    ULONG i;
    KIRQL oldIrql;

    while (Message[length] != '\0' && length < sizeof(line) - 10) {
        line[length] = Message[length];
        length++;
    }
    line[length++] = ' ';
    length += RingbufFormatHex(&line[length], Value);
    line[length++] = '\n';

    if (RingbufLogBuffer == NULL) {
        return;
    }

    KeAcquireSpinLock(&RingbufLogLock, &oldIrql);
    for (i = 0; i < length; i++) {
        RingbufLogBuffer[RingbufLogOffset] = line[i];
        RingbufLogOffset = (RingbufLogOffset + 1) % RINGBUF_DRIVER_LOG_SIZE;
    }
    KeReleaseSpinLock(&RingbufLogLock, oldIrql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFDRIVER driver;
    PVOID logBuffer;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, RingbufEvtDeviceAdd);
    config.EvtDriverUnload = RingbufEvtDriverUnload;
    config.DriverPoolTag = RINGBUF_POOL_TAG;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = RingbufEvtDriverContextCleanup;

    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config,
                             &driver);
    if (!NT_SUCCESS(status)) {
        KdPrint(("ringbuf: WdfDriverCreate failed %08x\n", (ULONG)status));
        return status;
    }

    /* The log belongs to the driver and lives until unload, so the
       framework's default parent (the driver) is the right one. */
    KeInitializeSpinLock(&RingbufLogLock);
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             RINGBUF_LOG_TAG, RINGBUF_DRIVER_LOG_SIZE,
                             &RingbufDriverLog, &logBuffer);
    if (!NT_SUCCESS(status)) {
        /* The log is a debugging aid: run without it. */
        RingbufDriverLog = NULL;
        return STATUS_SUCCESS;
    }
    RtlZeroMemory(logBuffer, RINGBUF_DRIVER_LOG_SIZE);
    RingbufLogBuffer = (PCHAR)logBuffer;
    RingbufLogOffset = 0;
    RingbufLog("ringbuf: loaded, interface", RINGBUF_INTERFACE_VERSION);

    return STATUS_SUCCESS;
}

VOID RingbufEvtDriverUnload(WDFDRIVER Driver)
{
    UNREFERENCED_PARAMETER(Driver);
    KdPrint(("ringbuf: unloading\n"));
}

/* Runs when the WDFDRIVER is deleted; the log goes with it (it is a child of
   the driver), so only the pointers are cleared. */
VOID RingbufEvtDriverContextCleanup(WDFOBJECT DriverObject)
{
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(DriverObject);

    KeAcquireSpinLock(&RingbufLogLock, &oldIrql);
    RingbufLogBuffer = NULL;
    RingbufLogOffset = 0;
    KeReleaseSpinLock(&RingbufLogLock, oldIrql);
    RingbufDriverLog = NULL;
}
