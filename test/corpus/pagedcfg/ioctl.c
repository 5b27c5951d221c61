/*
 * ioctl.c - the management queue of the PolicyCfg driver.
 *
 * The queue is created here, next to its callbacks, with
 * WdfExecutionLevelPassive: every callback below runs at PASSIVE_LEVEL,
 * may allocate paged pool and may wait on the store's wait lock.
 */
#include "pcfg.h"

NTSTATUS PcfgQueueInitialize(PDEVICE_CONTEXT DeviceContext)
{
    WDF_IO_QUEUE_CONFIG defaultConfig;
    WDF_IO_QUEUE_CONFIG managementConfig;
    WDF_IO_QUEUE_CONFIG changeConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&defaultConfig,
                                           WdfIoQueueDispatchParallel);
    defaultConfig.EvtIoDeviceControl = PcfgEvtCheckControl;
    defaultConfig.EvtIoWrite = PcfgEvtWriteForward;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ExecutionLevel = WdfExecutionLevelDispatch;
    status = WdfIoQueueCreate(DeviceContext->Device, &defaultConfig, &attributes,
                              &DeviceContext->CheckQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT(&managementConfig, WdfIoQueueDispatchSequential);
    managementConfig.EvtIoDeviceControl = PcfgEvtManagementControl;
    managementConfig.EvtIoWrite = PcfgEvtManagementWrite;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ExecutionLevel = WdfExecutionLevelPassive;
    attributes.ParentObject = DeviceContext->Device;
    status = WdfIoQueueCreate(DeviceContext->Device, &managementConfig,
                              &attributes, &DeviceContext->ManagementQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT(&changeConfig, WdfIoQueueDispatchManual);
    changeConfig.EvtIoCanceledOnQueue = PcfgEvtChangeCanceled;
    changeConfig.PowerManaged = WdfFalse;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    return WdfIoQueueCreate(DeviceContext->Device, &changeConfig, &attributes,
                            &DeviceContext->ChangeQueue);
}


/* IOCTL_PCFG_GET_POLICY: PCFG_POLICY_INFO, then the name. */
static NTSTATUS PcfgGetPolicy(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                              size_t *Information)
{
    PPCFG_POLICY_INFO info;
    PPCFG_POLICY policy;
    WDFMEMORY output;
    PULONG input;
    ULONG id;
    size_t replyLength;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                           (PVOID *)&input, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    id = *input;

    /* Built in paged pool (PASSIVE_LEVEL), copied out when complete. */
    info = (PPCFG_POLICY_INFO)ExAllocatePoolWithTag(PagedPool,
                                                    sizeof(PCFG_POLICY_INFO) +
                                                        PCFG_MAX_NAME,
                                                    PCFG_SCRATCH_TAG);
    if (info == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    policy = PcfgFindPolicy(DeviceContext, id);
    if (policy == NULL) {
        WdfWaitLockRelease(DeviceContext->StoreLock);
        ExFreePoolWithTag(info, PCFG_SCRATCH_TAG);
        return STATUS_NOT_FOUND;
    }
    info->Id = policy->Id;
    info->Flags = policy->Flags;
    info->Version = policy->Version;
    info->RuleCount = policy->RuleCount;
    info->NameLength = policy->NameLength;
    info->LoadTime = policy->LoadTime;
    RtlCopyMemory(info + 1,
                  (PUCHAR)WdfMemoryGetBuffer(policy->Blob, NULL) +
                      sizeof(PCFG_POLICY_HEADER),
                  policy->NameLength);
    replyLength = sizeof(PCFG_POLICY_INFO) + policy->NameLength;
    WdfWaitLockRelease(DeviceContext->StoreLock);

    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (NT_SUCCESS(status)) {
        status = WdfMemoryCopyFromBuffer(output, 0, info, replyLength);
    }
    ExFreePoolWithTag(info, PCFG_SCRATCH_TAG);
    if (NT_SUCCESS(status)) {
        *Information = replyLength;
    }
    return status;
}

/* IOCTL_PCFG_ENUM_POLICIES: the count, then the ids. */
static NTSTATUS PcfgEnumPolicies(PDEVICE_CONTEXT DeviceContext,
                                 WDFREQUEST Request, size_t *Information)
{
    WDFMEMORY listMemory;
    WDFMEMORY output;
    PULONG list;
    PLIST_ENTRY link;
    size_t outputLength;
    size_t listLength;
    ULONG count = 0;
    NTSTATUS status;

    /* Snapshot the ids under the lock, copy them out after. */
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, PagedPool, PCFG_SCRATCH_TAG,
                             sizeof(ULONG) * (PCFG_MAX_POLICIES + 1),
                             &listMemory, (PVOID *)&list);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    for (link = DeviceContext->PolicyList.Flink;
         link != &DeviceContext->PolicyList && count < PCFG_MAX_POLICIES;
         link = link->Flink) {
        list[1 + count] = CONTAINING_RECORD(link, PCFG_POLICY, Link)->Id;
        count++;
    }
    WdfWaitLockRelease(DeviceContext->StoreLock);
    list[0] = count;
    listLength = sizeof(ULONG) * (1 + (size_t)count);

    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        WdfObjectDelete(listMemory);
        return status;
    }
    (VOID)WdfMemoryGetBuffer(output, &outputLength);
    if (outputLength < listLength) {
        /* Too small for the list: return the count alone, so that the
           caller can size its buffer. */
        if (outputLength >= sizeof(ULONG) &&
            NT_SUCCESS(WdfMemoryCopyFromBuffer(output, 0, list, sizeof(ULONG)))) {
            *Information = sizeof(ULONG);
        }
        return STATUS_BUFFER_OVERFLOW;
    }

    /* Only the entries written above are copied. */
    status = WdfMemoryCopyFromBuffer(output, 0, list, listLength);
    WdfObjectDelete(listMemory);
    if (NT_SUCCESS(status)) {
        *Information = listLength;
    }
    return status;
}

/* A check that missed the verdict cache: answered from the store, and the
   answer goes into the cache. */
static NTSTATUS PcfgCheckSlowPath(PDEVICE_CONTEXT DeviceContext,
                                  WDFREQUEST Request, size_t *Information)
{
    PPCFG_CHECK_REQUEST check;
    PPCFG_POLICY policy;
    PPCFG_RULE rules;
    PULONG verdict;
    ULONG policyId;
    ULONG operation;
    ULONG answer = PCFG_VERDICT_UNKNOWN;
    ULONG i;
    NTSTATUS status;

    PAGED_CODE();

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(PCFG_CHECK_REQUEST),
                                           (PVOID *)&check, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    policyId = check->PolicyId;
    operation = check->Operation;

    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    policy = PcfgFindPolicy(DeviceContext, policyId);
    if (policy != NULL) {
        rules = (PPCFG_RULE)((PUCHAR)WdfMemoryGetBuffer(policy->Blob, NULL) +
                             sizeof(PCFG_POLICY_HEADER) + policy->NameLength);
        for (i = 0; i < policy->RuleCount; i++) {
            if (rules[i].Operation == operation) {
                answer = rules[i].Allow ? PCFG_VERDICT_ALLOW : PCFG_VERDICT_DENY;
                break;
            }
        }
    }
    WdfWaitLockRelease(DeviceContext->StoreLock);

    if (answer != PCFG_VERDICT_UNKNOWN) {
        PCFG_CACHE_SLOT *slot =
            &DeviceContext->Cache[(policyId * 31u + operation) % PCFG_CACHE_SLOTS];

        WdfSpinLockAcquire(DeviceContext->CacheLock);
        slot->PolicyId = policyId;
        slot->Operation = operation;
        slot->Verdict = answer;
        slot->Valid = 1;
        WdfSpinLockRelease(DeviceContext->CacheLock);
    }

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG),
                                            (PVOID *)&verdict, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *verdict = answer;
    *Information = sizeof(ULONG);
    return STATUS_SUCCESS;
}

VOID PcfgEvtManagementControl(WDFQUEUE Queue, WDFREQUEST Request,
                              size_t OutputBufferLength,
                              size_t InputBufferLength, ULONG IoControlCode)
{
    PDEVICE_CONTEXT deviceContext =
        PcfgGetDeviceContext(WdfIoQueueGetDevice(Queue));
    size_t information = 0;
    PULONG id;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);

    switch (IoControlCode) {
    case IOCTL_PCFG_SET_POLICY:
        status = PcfgSetPolicy(deviceContext, Request, InputBufferLength);
        break;

    case IOCTL_PCFG_GET_POLICY:
        status = PcfgGetPolicy(deviceContext, Request, &information);
        break;

    case IOCTL_PCFG_DELETE_POLICY:
        status = WdfRequestRetrieveInputBuffer(Request, sizeof(ULONG),
                                               (PVOID *)&id, NULL);
        if (NT_SUCCESS(status)) {
            status = PcfgDeletePolicy(deviceContext, *id);
        }
        break;

    case IOCTL_PCFG_ENUM_POLICIES:
        status = PcfgEnumPolicies(deviceContext, Request, &information);
        break;

    case IOCTL_PCFG_READ_AUDIT:
        status = PcfgReadAudit(deviceContext, Request, &information);
        break;

    case IOCTL_PCFG_CHECK:
        status = PcfgCheckSlowPath(deviceContext, Request, &information);
        break;

    case IOCTL_PCFG_WAIT_CHANGE:
        /* Completed by PcfgPolicyChanged. */
        status = WdfRequestForwardToIoQueue(Request, deviceContext->ChangeQueue);
        if (NT_SUCCESS(status)) {
            return;
        }
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, information);
}

/* The policy service writes free-form lines into the audit log. */
VOID PcfgEvtManagementWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    PDEVICE_CONTEXT deviceContext =
        PcfgGetDeviceContext(WdfIoQueueGetDevice(Queue));
    WDF_OBJECT_ATTRIBUTES attributes;
    PCHAR line = NULL;
    PVOID input;
    ULONG lineLength;
    NTSTATUS status;

    status = WdfRequestRetrieveInputBuffer(Request, 1, &input, NULL);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    lineLength = (ULONG)(Length > 200 ? 200 : Length);

    /* A copy for the audit formatter; it goes away with the request. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Request;
    status = WdfMemoryCreate(&attributes, PagedPool, PCFG_SCRATCH_TAG, lineLength,
                             NULL, (PVOID *)&line);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    RtlCopyMemory(line, input, lineLength);
    PcfgAudit(deviceContext, "service", line, lineLength, 0);
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}
