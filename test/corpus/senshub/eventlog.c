/*
 * eventlog.c - the SensHub event log: a circular array of SENSHUB_EVENT in
 * a memory object, guarded by LogLock.
 */
#include "senshub.h"

NTSTATUS SenshubEventLogInitialize(PDEVICE_CONTEXT DeviceContext)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    PVOID buffer;
    NTSTATUS status;

    /* The log lives as long as the device. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = DeviceContext->Device;

    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, SENSHUB_LOG_TAG,
                             SENSHUB_DEFAULT_LOG_ENTRIES * sizeof(SENSHUB_EVENT),
                             &DeviceContext->EventLog, &buffer);
    if (!NT_SUCCESS(status)) {
        DeviceContext->EventLog = NULL;
        return status;
    }
    RtlZeroMemory(buffer, SENSHUB_DEFAULT_LOG_ENTRIES * sizeof(SENSHUB_EVENT));

    DeviceContext->LogCapacity = SENSHUB_DEFAULT_LOG_ENTRIES;
    DeviceContext->LogNext = 0;
    DeviceContext->LogCount = 0;
    DeviceContext->LogDropped = 0;
    return STATUS_SUCCESS;
}

VOID SenshubLogEvent(PDEVICE_CONTEXT DeviceContext, ULONG Code, ULONG Data)
{
    PSENSHUB_EVENT entries;
    PSENSHUB_EVENT entry;

    WdfSpinLockAcquire(DeviceContext->LogLock);
    if (DeviceContext->EventLog != NULL && DeviceContext->LogCapacity != 0) {
        entries = (PSENSHUB_EVENT)WdfMemoryGetBuffer(DeviceContext->EventLog, NULL);
        entry = &entries[DeviceContext->LogNext];
        entry->Timestamp = KeQueryInterruptTime();
        entry->Code = Code;
        entry->Data = Data;
        DeviceContext->LogNext = (DeviceContext->LogNext + 1) % DeviceContext->LogCapacity;
        if (DeviceContext->LogCount < DeviceContext->LogCapacity) {
            DeviceContext->LogCount++;
        } else {
            DeviceContext->LogDropped++;
        }
    }
    WdfSpinLockRelease(DeviceContext->LogLock);
}

/* Copies the log, oldest entry first, after a header.  As many entries as
   fit in the output buffer; the header says how many that was. */
VOID SenshubQueryEventLog(PDEVICE_CONTEXT DeviceContext, WDFREQUEST Request)
{
    WDFMEMORY outputMemory;
    PUCHAR output;
    size_t outputSize;
    PSENSHUB_EVENT_LOG_HEADER header;
    PSENSHUB_EVENT entries;
    PSENSHUB_EVENT destination;
    ULONG room;
    ULONG count;
    ULONG first;
    ULONG i;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputMemory(Request, &outputMemory);
    output = (PUCHAR)WdfMemoryGetBuffer(outputMemory, &outputSize);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }
    if (outputSize < sizeof(SENSHUB_EVENT_LOG_HEADER)) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }

    header = (PSENSHUB_EVENT_LOG_HEADER)output;
    destination = (PSENSHUB_EVENT)(output + sizeof(SENSHUB_EVENT_LOG_HEADER));
    room = (ULONG)((outputSize - sizeof(SENSHUB_EVENT_LOG_HEADER)) /
                   sizeof(SENSHUB_EVENT));

    WdfSpinLockAcquire(DeviceContext->LogLock);
    count = DeviceContext->LogCount < room ? DeviceContext->LogCount : room;
    if (DeviceContext->EventLog != NULL && count > 0) {
        entries = (PSENSHUB_EVENT)WdfMemoryGetBuffer(DeviceContext->EventLog, NULL);
        /* Oldest entry: LogCount entries back from LogNext. */
        first = (DeviceContext->LogNext + DeviceContext->LogCapacity -
                 DeviceContext->LogCount) % DeviceContext->LogCapacity;
        for (i = 0; i < count; i++) {
            destination[i] = entries[(first + i) % DeviceContext->LogCapacity];
        }
    }
    header->Capacity = DeviceContext->LogCapacity;
    header->Count = count;
    header->Dropped = DeviceContext->LogDropped;
    header->Reserved = 0;
    WdfSpinLockRelease(DeviceContext->LogLock);

    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS,
                                      sizeof(SENSHUB_EVENT_LOG_HEADER) +
                                          (size_t)count * sizeof(SENSHUB_EVENT));
}
