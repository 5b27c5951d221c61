/*
 * store.c - the policy store of the PolicyCfg driver.
 *
 * Everything here runs at PASSIVE_LEVEL, in the management queue or in
 * device cleanup, and takes the store's wait lock.  Policies live in paged
 * pool: a paged PCFG_POLICY entry and a paged blob (a memory object whose
 * parent is the device) holding the header, name and rules as loaded.
 */
#include "pcfg.h"

static PCHAR PcfgPolicyName(PPCFG_POLICY Policy)
{
    return (PCHAR)WdfMemoryGetBuffer(Policy->Blob, NULL) + sizeof(PCFG_POLICY_HEADER);
}

PPCFG_POLICY PcfgFindPolicy(PDEVICE_CONTEXT DeviceContext, ULONG Id)
{
    PLIST_ENTRY link;

    for (link = DeviceContext->PolicyList.Flink; link != &DeviceContext->PolicyList;
         link = link->Flink) {
        PPCFG_POLICY policy = CONTAINING_RECORD(link, PCFG_POLICY, Link);

        if (policy->Id == Id) {
            return policy;
        }
    }
    return NULL;
}

/* Checks the blob's header against its size; on success returns the
   header (inside the blob). */
static NTSTATUS PcfgValidateBlob(WDFMEMORY Blob, size_t Length,
                                 PPCFG_POLICY_HEADER *Header)
{
    PPCFG_POLICY_HEADER header =
        (PPCFG_POLICY_HEADER)WdfMemoryGetBuffer(Blob, NULL);
    size_t needed;

    if (header->NameLength == 0 || header->NameLength > PCFG_MAX_NAME) {
        return STATUS_INVALID_PARAMETER;
    }
    if (header->RuleCount > PCFG_MAX_RULES) {
        /* Far too large to be a policy: nothing of it is worth keeping. */
        WdfObjectDelete(Blob);
        return STATUS_INVALID_PARAMETER;
    }
    needed = sizeof(PCFG_POLICY_HEADER) + header->NameLength +
             (size_t)header->RuleCount * sizeof(PCFG_RULE);
    if (needed > Length) {
        return STATUS_INVALID_BUFFER_SIZE;
    }
    *Header = header;
    return STATUS_SUCCESS;
}

NTSTATUS PcfgSetPolicy(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request,
                       size_t InputLength)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    PPCFG_POLICY_HEADER header;
    PPCFG_POLICY policy;
    PPCFG_POLICY existing;
    WDFMEMORY blob;
    PUCHAR blobBuffer = NULL;
    PVOID input;
    LARGE_INTEGER now;
    NTSTATUS status;

    if (InputLength < sizeof(PCFG_POLICY_HEADER) || InputLength > PCFG_MAX_BLOB) {
        return STATUS_INVALID_BUFFER_SIZE;
    }
    status = WdfRequestRetrieveInputBuffer(Request, InputLength, &input, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* A private copy: the system buffer goes away with the request, and
       the copy cannot change under the validation. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;
    status = WdfMemoryCreate(&attributes, PagedPool, PCFG_BLOB_TAG, InputLength,
                             &blob, (PVOID *)&blobBuffer);
    RtlCopyMemory(blobBuffer, input, InputLength);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = PcfgValidateBlob(blob, InputLength, &header);
    if (!NT_SUCCESS(status)) {
        WdfObjectDelete(blob);
        return status;
    }

    policy = (PPCFG_POLICY)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(PCFG_POLICY),
                                           PCFG_ENTRY_TAG);
    if (policy == NULL) {
        WdfObjectDelete(blob);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeQuerySystemTimePrecise(&now);
    policy->Id = header->Id;
    policy->Flags = header->Flags;
    policy->RuleCount = header->RuleCount;
    policy->NameLength = header->NameLength;
    policy->LoadTime = (ULONG64)now.QuadPart;
    policy->Blob = blob;

    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    existing = PcfgFindPolicy(DeviceContext, policy->Id);
    if (existing != NULL) {
        RemoveEntryList(&existing->Link);
        DeviceContext->PolicyCount--;
        policy->Version = existing->Version + 1;
    } else if (DeviceContext->PolicyCount >= PCFG_MAX_POLICIES) {
        WdfWaitLockRelease(DeviceContext->StoreLock);
        ExFreePoolWithTag(policy, PCFG_ENTRY_TAG);
        WdfObjectDelete(blob);
        return STATUS_INSUFFICIENT_RESOURCES;
    } else {
        policy->Version = 1;
    }
    InsertTailList(&DeviceContext->PolicyList, &policy->Link);
    DeviceContext->PolicyCount++;
    DeviceContext->Generation++;
    WdfWaitLockRelease(DeviceContext->StoreLock);

    if (existing != NULL) {
        WdfObjectDelete(existing->Blob);
        ExFreePoolWithTag(existing, PCFG_ENTRY_TAG);
    }

    PcfgAudit(DeviceContext, "set", PcfgPolicyName(policy), policy->NameLength,
              policy->Id);
    PcfgPolicyChanged(DeviceContext);
    return STATUS_SUCCESS;
}

NTSTATUS PcfgDeletePolicy(PDEVICE_CONTEXT DeviceContext, ULONG Id)
{
    CHAR auditName[PCFG_MAX_NAME];
    PPCFG_POLICY policy;
    PCHAR name;
    ULONG nameLength;

    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    policy = PcfgFindPolicy(DeviceContext, Id);
    if (policy == NULL) {
        WdfWaitLockRelease(DeviceContext->StoreLock);
        return STATUS_NOT_FOUND;
    }
    RemoveEntryList(&policy->Link);
    DeviceContext->PolicyCount--;
    DeviceContext->Generation++;
    WdfWaitLockRelease(DeviceContext->StoreLock);

    name = PcfgPolicyName(policy);
    nameLength = policy->NameLength < sizeof(auditName) ? policy->NameLength
                                                        : sizeof(auditName);
    WdfObjectDelete(policy->Blob);
    RtlCopyMemory(auditName, name, nameLength);
    ExFreePoolWithTag(policy, PCFG_ENTRY_TAG);

    PcfgAudit(DeviceContext, "delete", auditName, nameLength, Id);
    PcfgPolicyChanged(DeviceContext);
    return STATUS_SUCCESS;
}

VOID PcfgDeleteAllPolicies(PDEVICE_CONTEXT DeviceContext)
{
    LIST_ENTRY doomed;
    PLIST_ENTRY link;

    InitializeListHead(&doomed);
    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    while (!IsListEmpty(&DeviceContext->PolicyList)) {
        InsertTailList(&doomed, RemoveHeadList(&DeviceContext->PolicyList));
    }
    DeviceContext->PolicyCount = 0;
    DeviceContext->Generation++;
    WdfWaitLockRelease(DeviceContext->StoreLock);

    while (!IsListEmpty(&doomed)) {
        PPCFG_POLICY policy;

        link = RemoveHeadList(&doomed);
        policy = CONTAINING_RECORD(link, PCFG_POLICY, Link);
        WdfObjectDelete(policy->Blob);
        ExFreePoolWithTag(policy, PCFG_ENTRY_TAG);
    }
}

/* The policy set changed: the cache is stale, and everyone waiting for a
   change learns the new generation. */
VOID PcfgPolicyChanged(PDEVICE_CONTEXT DeviceContext)
{
    WDFREQUEST request;
    PULONG generation;
    ULONG current;
    NTSTATUS status;

    PcfgCacheInvalidate(DeviceContext);

    WdfWaitLockAcquire(DeviceContext->StoreLock, NULL);
    current = DeviceContext->Generation;
    WdfWaitLockRelease(DeviceContext->StoreLock);

    while (NT_SUCCESS(WdfIoQueueRetrieveNextRequest(DeviceContext->ChangeQueue,
                                                    &request))) {
        status = WdfRequestRetrieveOutputBuffer(request, sizeof(ULONG),
                                                (PVOID *)&generation, NULL);
        if (NT_SUCCESS(status)) {
            *generation = current;
        }
        WdfRequestCompleteWithInformation(request, status,
                                          NT_SUCCESS(status) ? sizeof(ULONG) : 0);
    }
}
