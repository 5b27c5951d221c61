/*
 * audit.c - the audit log of the PolicyCfg driver.
 *
 * The log is text in a chain of paged segments of PCFG_AUDIT_SEGMENT
 * bytes, guarded by a wait lock: it is only written and read at
 * PASSIVE_LEVEL.  When the chain is full, the compaction timer (a passive
 * timer) drops the oldest half.
 */
#include "pcfg.h"

static ULONG PcfgFormatDecimal(PCHAR Out, ULONG Value)
{
    CHAR digits[10];
    ULONG count = 0;
    ULONG i;

    do {
        digits[count++] = (CHAR)('0' + Value % 10);
        Value /= 10;
    } while (Value != 0 && count < sizeof(digits));
    for (i = 0; i < count; i++) {
        Out[i] = digits[count - 1 - i];
    }
    return count;
}

NTSTATUS PcfgAuditInitialize(PDEVICE_CONTEXT DeviceContext)
{
    WDF_TIMER_CONFIG timerConfig;
    WDF_OBJECT_ATTRIBUTES attributes;

    DeviceContext->AuditSegmentCount = 0;
    DeviceContext->AuditUsed = 0;
    DeviceContext->AuditBytes = 0;

    /* Compaction works on paged memory: the timer's own attributes ask for
       PASSIVE_LEVEL (one-shot, as passive timers must be). */
    WDF_TIMER_CONFIG_INIT(&timerConfig, PcfgEvtCompact);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    attributes.ExecutionLevel = WdfExecutionLevelPassive;
    return WdfTimerCreate(&timerConfig, &attributes, &DeviceContext->CompactTimer);
}

/* Appends one segment to the chain.  AuditLock held. */
static NTSTATUS PcfgAuditAddSegment(PDEVICE_CONTEXT DeviceContext)
{
    PVOID buffer;
    NTSTATUS status;

    if (DeviceContext->AuditSegmentCount == PCFG_AUDIT_MAX_SEGMENTS) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, PCFG_AUDIT_TAG,
                             PCFG_AUDIT_SEGMENT,
                             &DeviceContext->AuditSegments[DeviceContext->AuditSegmentCount],
                             &buffer);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(buffer, PCFG_AUDIT_SEGMENT);
    DeviceContext->AuditSegmentCount++;
    DeviceContext->AuditUsed = 0;
    return STATUS_SUCCESS;
}

/* Appends "<event> <subject> <value>\n".  A line never spans segments. */
VOID PcfgAudit(PDEVICE_CONTEXT DeviceContext, PCSTR Event, const CHAR *Subject,
               ULONG SubjectLength, ULONG Value)
{
    CHAR line[128];
    ULONG length = 0;
    PCHAR segment;
    ULONG i;
    NTSTATUS status;

    for (i = 0; Event[i] != '\0' && length < 16; i++) {
        line[length++] = Event[i];
    }
    line[length++] = ' ';
    for (i = 0; i < SubjectLength && length < 100; i++) {
        line[length++] = (Subject[i] >= ' ' && Subject[i] < 0x7F) ? Subject[i] : '?';
    }
    line[length++] = ' ';
    length += PcfgFormatDecimal(&line[length], Value);
    line[length++] = '\n';

    WdfWaitLockAcquire(DeviceContext->AuditLock, NULL);
    if (DeviceContext->AuditSegmentCount == 0 ||
        DeviceContext->AuditUsed + length > PCFG_AUDIT_SEGMENT) {
        status = PcfgAuditAddSegment(DeviceContext);
        if (!NT_SUCCESS(status)) {
            /* Full: let the compaction timer make room; this line is lost. */
            WdfWaitLockRelease(DeviceContext->AuditLock);
            WdfTimerStart(DeviceContext->CompactTimer,
                          WDF_REL_TIMEOUT_IN_MS(PCFG_COMPACT_DELAY_MS));
            return;
        }
    }
    segment = (PCHAR)WdfMemoryGetBuffer(
        DeviceContext->AuditSegments[DeviceContext->AuditSegmentCount - 1], NULL);
    RtlCopyMemory(segment + DeviceContext->AuditUsed, line, length);
    DeviceContext->AuditUsed += length;
    DeviceContext->AuditBytes += length;
    WdfWaitLockRelease(DeviceContext->AuditLock);
}

/* IOCTL_PCFG_READ_AUDIT (METHOD_OUT_DIRECT): as much of the log as fits,
   oldest first.  Only written bytes are copied: whole segments except the
   last, which is copied up to AuditUsed. */
NTSTATUS PcfgReadAudit(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                       size_t *Information)
{
    WDFMEMORY output;
    size_t outputLength;
    size_t offset = 0;
    ULONG segment;
    NTSTATUS status;

    *Information = 0;
    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    (VOID)WdfMemoryGetBuffer(output, &outputLength);

    WdfWaitLockAcquire(DeviceContext->AuditLock, NULL);
    for (segment = 0; segment < DeviceContext->AuditSegmentCount; segment++) {
        size_t used = (segment + 1 == DeviceContext->AuditSegmentCount)
                          ? DeviceContext->AuditUsed
                          : PCFG_AUDIT_SEGMENT;
        if (used > outputLength - offset) {
            used = outputLength - offset;
        }
        if (used == 0) {
            break;
        }
        status = WdfMemoryCopyFromBuffer(
            output, offset,
            WdfMemoryGetBuffer(DeviceContext->AuditSegments[segment], NULL), used);
        if (!NT_SUCCESS(status)) {
            break;
        }
        offset += used;
    }
    WdfWaitLockRelease(DeviceContext->AuditLock);

    if (NT_SUCCESS(status)) {
        *Information = offset;
    }
    return status;
}

/* PASSIVE_LEVEL (the timer's execution level): drops the oldest half of
   the segments, keeping the rest in order. */
VOID PcfgEvtCompact(WDFTIMER Timer)
{
    PDEVICE_CONTEXT deviceContext =
        PcfgGetDeviceContext(WdfTimerGetParentObject(Timer));
    WDFMEMORY *kept;
    ULONG drop;
    ULONG keep;
    ULONG i;

    /* A scratch copy of the handles, in paged pool: PASSIVE_LEVEL here. */
    kept = (WDFMEMORY *)ExAllocatePool2(POOL_FLAG_PAGED,
                                        sizeof(WDFMEMORY) * PCFG_AUDIT_MAX_SEGMENTS,
                                        PCFG_SCRATCH_TAG);
    if (kept == NULL) {
        return;
    }

    WdfWaitLockAcquire(deviceContext->AuditLock, NULL);
    drop = deviceContext->AuditSegmentCount / 2;
    keep = deviceContext->AuditSegmentCount - drop;
    for (i = 0; i < drop; i++) {
        WdfObjectDelete(deviceContext->AuditSegments[i]);
        deviceContext->AuditBytes -= PCFG_AUDIT_SEGMENT;
    }
    for (i = 0; i < keep; i++) {
        kept[i] = deviceContext->AuditSegments[drop + i];
    }
    for (i = 0; i < PCFG_AUDIT_MAX_SEGMENTS; i++) {
        deviceContext->AuditSegments[i] = (i < keep) ? kept[i] : NULL;
    }
    deviceContext->AuditSegmentCount = keep;
    WdfWaitLockRelease(deviceContext->AuditLock);

    ExFreePoolWithTag(kept, PCFG_SCRATCH_TAG);
}
