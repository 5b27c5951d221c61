/*
 * fastpath.c - the dispatch-level side of the PolicyCfg driver: the default
 * queue (policy checks, statistics, forwarding), the verdict cache, and the
 * heartbeat timer.
 *
 * Nothing here may touch paged memory or take the store's wait lock: the
 * default queue's callbacks and the heartbeat run at up to DISPATCH_LEVEL.
 * A check that misses the cache is forwarded to the passive management
 * queue, which answers it from the store and fills the cache.
 */
#include "pcfg.h"

static ULONG PcfgCacheSlot(ULONG PolicyId, ULONG Operation)
{
    return (PolicyId * 31u + Operation) % PCFG_CACHE_SLOTS;
}

VOID PcfgCacheInvalidate(PDEVICE_CONTEXT DeviceContext)
{
    WdfSpinLockAcquire(DeviceContext->CacheLock);
    RtlZeroMemory(DeviceContext->Cache, sizeof(DeviceContext->Cache));
    WdfSpinLockRelease(DeviceContext->CacheLock);
}

/* TRUE and the verdict if the cache knows it. */
static BOOLEAN PcfgCacheLookup(PDEVICE_CONTEXT DeviceContext, ULONG PolicyId,
                               ULONG Operation, PULONG Verdict)
{
    PCFG_CACHE_SLOT *slot;
    BOOLEAN hit = FALSE;

    WdfSpinLockAcquire(DeviceContext->CacheLock);
    slot = &DeviceContext->Cache[PcfgCacheSlot(PolicyId, Operation)];
    if (slot->Valid && slot->PolicyId == PolicyId && slot->Operation == Operation) {
        *Verdict = slot->Verdict;
        hit = TRUE;
    }
    WdfSpinLockRelease(DeviceContext->CacheLock);
    return hit;
}

NTSTATUS PcfgCanonicalizeName(const CHAR *Name, ULONG Length, PCHAR *Canonical,
                              PULONG CanonicalLength)
{
    PCHAR copy;
    ULONG start = 0;
    ULONG end = Length;
    ULONG i;

    *Canonical = NULL;
    *CanonicalLength = 0;
    while (start < end && (Name[start] == ' ' || Name[start] == '\t')) {
        start++;
    }
    while (end > start && (Name[end - 1] == ' ' || Name[end - 1] == '\t' ||
                           Name[end - 1] == '\0')) {
        end--;
    }
    if (end == start) {
        return STATUS_INVALID_PARAMETER;
    }

    copy = (PCHAR)ExAllocatePool2(POOL_FLAG_PAGED, end - start + 1, PCFG_NAME_TAG);
    if (copy == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    for (i = start; i < end; i++) {
        CHAR c = Name[i];
        copy[i - start] = (c >= 'A' && c <= 'Z') ? (CHAR)(c - 'A' + 'a') : c;
    }
    copy[end - start] = '\0';
    *Canonical = copy;
    *CanonicalLength = end - start;
    return STATUS_SUCCESS;
}

/* Subjects on the deny list are refused without looking at the policy. */
static BOOLEAN PcfgIsDeniedSubject(const CHAR *Subject, ULONG Length)
{
    static const CHAR denied[] = "untrusted";

    return Length == sizeof(denied) - 1 &&
           RtlCompareMemory(Subject, denied, Length) == Length;
}

static VOID PcfgCheck(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request)
{
    PPCFG_CHECK_REQUEST check;
    PULONG verdict;
    PCHAR subject;
    ULONG subjectLength;
    ULONG cached;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(PCFG_CHECK_REQUEST),
                                           (PVOID *)&check, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    InterlockedIncrement(&DeviceContext->Checks);

    /* The subject is compared in canonical form. */
    status = PcfgCanonicalizeName(check->Subject, sizeof(check->Subject),
                                  &subject, &subjectLength);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    if (PcfgIsDeniedSubject(subject, subjectLength)) {
        ExFreePoolWithTag(subject, PCFG_NAME_TAG);
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG),
                                                (PVOID *)&verdict, NULL);
        if (NT_SUCCESS(status)) {
            *verdict = PCFG_VERDICT_DENY;
        }
        WdfRequestCompleteWithInformation(Request, status,
                                          NT_SUCCESS(status) ? sizeof(ULONG) : 0);
        return;
    }
    ExFreePoolWithTag(subject, PCFG_NAME_TAG);

    if (PcfgCacheLookup(DeviceContext, check->PolicyId, check->Operation,
                        &cached)) {
        InterlockedIncrement(&DeviceContext->CacheHits);
        /* METHOD_BUFFERED: the input has been read completely by now. */
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG),
                                                (PVOID *)&verdict, NULL);
        if (NT_SUCCESS(status)) {
            *verdict = cached;
        }
        WdfRequestCompleteWithInformation(Request, status,
                                          NT_SUCCESS(status) ? sizeof(ULONG) : 0);
        return;
    }

    /* Not cached: the management queue looks at the store. */
    status = WdfRequestForwardToIoQueue(Request, DeviceContext->ManagementQueue);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
    }
}

static NTSTATUS PcfgGetStatistics(PDEVICE_CONTEXT DeviceContext,
                                  WDFREQUEST Request, size_t *Information)
{
    PPCFG_STATISTICS statistics;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(PCFG_STATISTICS),
                                            (PVOID *)&statistics, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    /* Counters only: no lock that would need PASSIVE_LEVEL. */
    RtlZeroMemory(statistics, sizeof(*statistics));
    statistics->Policies = DeviceContext->HeartbeatHistory[DeviceContext->Heartbeats % PCFG_HISTORY_SLOTS];
    statistics->Generation = DeviceContext->Generation;
    statistics->Checks = (ULONG)DeviceContext->Checks;
    statistics->CacheHits = (ULONG)DeviceContext->CacheHits;
    statistics->Heartbeats = DeviceContext->Heartbeats;
    statistics->AuditBytes = DeviceContext->AuditBytes;
    *Information = sizeof(PCFG_STATISTICS);
    return STATUS_SUCCESS;
}

VOID PcfgEvtCheckControl(WDFQUEUE Queue, WDFREQUEST Request,
                         size_t OutputBufferLength, size_t InputBufferLength,
                         ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext =
        PcfgGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_PCFG_CHECK:
        PcfgCheck(deviceContext, Request);
        return;

    case IOCTL_PCFG_GET_STATISTICS:
        status = PcfgGetStatistics(deviceContext, Request, &information);
        WdfRequestCompleteWithInformation(Request, status, information);
        return;

    default:
        /* Management requests run at PASSIVE_LEVEL in their own queue. */
        status = WdfRequestForwardToIoQueue(Request,
                                            deviceContext->ManagementQueue);
        if (!NT_SUCCESS(status)) {
            WdfRequestComplete(Request, status);
        }
        return;
    }
}

VOID PcfgEvtWriteForward(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        PcfgGetDeviceContext(WdfIoQueueGetDevice(Queue));
    NTSTATUS status;

    if (Length == 0) {
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, 0);
        return;
    }
    status = WdfRequestForwardToIoQueue(Request, deviceContext->ManagementQueue);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
    }
}

/* Every PCFG_HEARTBEAT_MS: samples the store size for the statistics and
   logs when it changed. */
VOID PcfgEvtHeartbeat(WDFTIMER Timer)
{
    PDEVICE_CONTEXT deviceContext =
        PcfgGetDeviceContext(WdfTimerGetParentObject(Timer));
    ULONG policies;

    deviceContext->Heartbeats++;

    WdfWaitLockAcquire(deviceContext->StoreLock, NULL);
    policies = deviceContext->PolicyCount;
    WdfWaitLockRelease(deviceContext->StoreLock);
    deviceContext->HeartbeatHistory[deviceContext->Heartbeats % PCFG_HISTORY_SLOTS] =
        policies;

    if (policies != deviceContext->LastHeartbeatPolicies) {
        KdPrint(("pcfg: %u policies loaded\n", policies));
        deviceContext->LastHeartbeatPolicies = policies;
    }
}

/* The heartbeat history, kept for the statistics; from EvtDeviceAdd. */
NTSTATUS PcfgHistoryInitialize(PDEVICE_CONTEXT DeviceContext)
{
    DeviceContext->HeartbeatHistory = (PULONG)ExAllocatePool2(
        POOL_FLAG_PAGED, PCFG_HISTORY_SLOTS * sizeof(ULONG), PCFG_TAG);
    return DeviceContext->HeartbeatHistory != NULL
               ? STATUS_SUCCESS
               : STATUS_INSUFFICIENT_RESOURCES;
}
