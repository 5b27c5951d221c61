/*
 * event.c - posting and delivery of events in the EvtNotify driver.
 */
#include "evn.h"

NTSTATUS EvnPostEvent(PDEVICE_CONTEXT DeviceContext, const EVN_EVENT *Event)
{
    KLOCK_QUEUE_HANDLE lockHandle;
    PEVN_EVENT slot;
    NTSTATUS status = STATUS_SUCCESS;

    if (Event->Class >= 32) {
        return STATUS_INVALID_PARAMETER;
    }

    KeAcquireInStackQueuedSpinLock(&DeviceContext->HubLock, &lockHandle);
    if (DeviceContext->PostedCount == EVN_POSTED_MAX) {
        DeviceContext->PostedDropped++;
        status = STATUS_DEVICE_BUSY;
    } else {
        slot = &DeviceContext->Posted[(DeviceContext->PostedHead +
                                       DeviceContext->PostedCount) % EVN_POSTED_MAX];
        slot->Class = Event->Class;
        slot->Code = Event->Code;
        slot->Data = Event->Data;
        slot->Time = KeQueryInterruptTime();
        DeviceContext->PostedCount++;
        DeviceContext->Sequence++;
    }
    KeReleaseInStackQueuedSpinLock(&lockHandle);

    if (NT_SUCCESS(status)) {
        WdfDpcEnqueue(DeviceContext->FanoutDpc);
    }
    return status;
}

/* Gives one event to one subscriber: to a waiting request if there is one,
   else into its ring.  Called by the fan-out DPC, no hub lock held. */
VOID EvnDeliver(PSUBSCRIBER Subscriber, const EVN_EVENT *Event)
{
    WDFREQUEST request;
    PEVN_EVENT output;
    PEVN_EVENT backlog;
    NTSTATUS status;

    if (!EvnSubscriberWants(Subscriber, Event->Class)) {
        return;
    }

    status = WdfIoQueueRetrieveNextRequest(Subscriber->WaitQueue, &request);
    if (NT_SUCCESS(status)) {
        status = WdfRequestRetrieveOutputBuffer(request, sizeof(EVN_EVENT),
                                                (PVOID *)&output, NULL);
        if (NT_SUCCESS(status)) {
            *output = *Event;
        }
        WdfRequestCompleteWithInformation(request, status,
                                          NT_SUCCESS(status) ? sizeof(EVN_EVENT) : 0);
        return;
    }

    KeAcquireSpinLockAtDpcLevel(&Subscriber->RingLock);
    if (Subscriber->RingStorage != NULL && Subscriber->RingCount < EVN_RING_EVENTS) {
        Subscriber->RingStorage[(Subscriber->RingHead + Subscriber->RingCount) %
                                EVN_RING_EVENTS] = *Event;
        Subscriber->RingCount++;
        EvnCountKept(Subscriber, Event->Class);
    } else {
        Subscriber->Dropped++;
        if (Subscriber->Backlog == NULL) {
            /* Keep the first events that did not fit, for the diagnostics
               tool. */
            status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                     EVN_BACKLOG_TAG,
                                     EVN_BACKLOG_EVENTS * sizeof(EVN_EVENT),
                                     &Subscriber->Backlog, (PVOID *)&backlog);
            if (NT_SUCCESS(status)) {
                RtlZeroMemory(backlog, EVN_BACKLOG_EVENTS * sizeof(EVN_EVENT));
            } else {
                Subscriber->Backlog = NULL;
            }
        }
        if (Subscriber->Backlog != NULL && Subscriber->Dropped <= EVN_BACKLOG_EVENTS) {
            backlog = (PEVN_EVENT)WdfMemoryGetBuffer(Subscriber->Backlog, NULL);
            backlog[Subscriber->Dropped - 1] = *Event;
        }
    }
    KeReleaseSpinLockFromDpcLevel(&Subscriber->RingLock);
}

/* Takes the posted events one at a time and hands each to every
   subscriber.  The subscribers are referenced under the hub lock and
   served without it: completing a request may run other drivers' code. */
VOID EvnEvtFanoutDpc(WDFDPC Dpc)
{
    PDEVICE_CONTEXT deviceContext = EvnGetDeviceContext(WdfDpcGetParentObject(Dpc));
    PSUBSCRIBER targets[EVN_MAX_SUBSCRIBERS];
    KLOCK_QUEUE_HANDLE lockHandle;
    EVN_EVENT event;
    PLIST_ENTRY link;
    ULONG count;
    ULONG i;

    for (;;) {
        count = 0;
        KeAcquireInStackQueuedSpinLock(&deviceContext->HubLock, &lockHandle);
        if (deviceContext->PostedCount == 0) {
            KeReleaseInStackQueuedSpinLock(&lockHandle);
            break;
        }
        event = deviceContext->Posted[deviceContext->PostedHead];
        deviceContext->PostedHead = (deviceContext->PostedHead + 1) % EVN_POSTED_MAX;
        deviceContext->PostedCount--;
        for (link = deviceContext->Subscribers.Flink;
             link != &deviceContext->Subscribers && count < EVN_MAX_SUBSCRIBERS;
             link = link->Flink) {
            PSUBSCRIBER subscriber = CONTAINING_RECORD(link, SUBSCRIBER, Link);

            WdfObjectReference(subscriber->FileObject);
            targets[count++] = subscriber;
        }
        KeReleaseInStackQueuedSpinLock(&lockHandle);

        for (i = 0; i < count; i++) {
            WDFFILEOBJECT fileObject = targets[i]->FileObject;

            EvnDeliver(targets[i], &event);
            WdfObjectDereference(fileObject);
        }
    }
}

VOID EvnEvtWaitCanceled(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, 0);
}

/* IOCTL_EVN_DRAIN: copies the subscriber's buffered events, oldest first,
   as many as fit.  The ring lock is a plain spin lock taken at
   DISPATCH_LEVEL, so the IRQL is raised around it. */
NTSTATUS EvnDrain(PSUBSCRIBER Subscriber, WDFREQUEST Request,
                  size_t *Information)
{
    PEVN_EVENT output;
    size_t length;
    ULONG room;
    ULONG count;
    ULONG i;
    KIRQL oldIrql;
    NTSTATUS status;

    status = WdfRequestRetrieveOutputBuffer(Request, sizeof(EVN_EVENT),
                                            (PVOID *)&output, &length);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    room = (ULONG)(length / sizeof(EVN_EVENT));

    KeRaiseIrql(DISPATCH_LEVEL, &oldIrql);
    if (Subscriber->RingStorage == NULL) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    KeAcquireSpinLockAtDpcLevel(&Subscriber->RingLock);
    count = Subscriber->RingCount < room ? Subscriber->RingCount : room;
    for (i = 0; i < count; i++) {
        output[i] = Subscriber->RingStorage[(Subscriber->RingHead + i) %
                                           EVN_RING_EVENTS];
    }
    Subscriber->RingHead = (Subscriber->RingHead + count) % EVN_RING_EVENTS;
    Subscriber->RingCount -= count;
    KeReleaseSpinLockFromDpcLevel(&Subscriber->RingLock);
    KeLowerIrql(oldIrql);

    *Information = (size_t)count * sizeof(EVN_EVENT);
    return STATUS_SUCCESS;
}


/* IOCTL_EVN_REPLAY: copies the events in the subscriber's ring, oldest
   first, as many as fit, and leaves them there.  The ring lock is held
   throughout, so that the DPC cannot overwrite an entry being copied.  The
   events go out through a staging chunk of at most EVN_REPLAY_CHUNK events
   (one that never wraps around the ring) and WdfMemoryCopyFromBuffer,
   which checks each copy against the output buffer's bounds. */
NTSTATUS EvnReplay(PSUBSCRIBER Subscriber, WDFREQUEST Request,
                   size_t *Information)
{
    WDFMEMORY output;
    PEVN_EVENT chunk;
    size_t length;
    ULONG total;
    ULONG done = 0;
    ULONG first;
    ULONG count;
    KIRQL oldIrql;
    NTSTATUS status;

    if (Subscriber->RingStorage == NULL) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    status = WdfRequestRetrieveOutputMemory(Request, &output);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    (VOID)WdfMemoryGetBuffer(output, &length);

    KeAcquireSpinLock(&Subscriber->RingLock, &oldIrql);
    total = Subscriber->RingCount;
    if (total > length / sizeof(EVN_EVENT)) {
        total = (ULONG)(length / sizeof(EVN_EVENT));
    }
    while (done < total) {
        first = (Subscriber->RingHead + done) % EVN_RING_EVENTS;
        count = total - done < EVN_REPLAY_CHUNK ? total - done : EVN_REPLAY_CHUNK;
        if (count > EVN_RING_EVENTS - first) {
            count = EVN_RING_EVENTS - first;
        }
        status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                 EVN_REPLAY_TAG, EVN_REPLAY_CHUNK * sizeof(EVN_EVENT),
                                 &Subscriber->ReplayChunk, (PVOID *)&chunk);
        if (!NT_SUCCESS(status)) {
            break;
        }
        RtlCopyMemory(chunk, &Subscriber->RingStorage[first],
                      count * sizeof(EVN_EVENT));
        status = WdfMemoryCopyFromBuffer(output, done * sizeof(EVN_EVENT), chunk,
                                         count * sizeof(EVN_EVENT));
        if (!NT_SUCCESS(status)) {
            break;
        }
        done += count;
    }
    if (Subscriber->ReplayChunk != NULL) {
        WdfObjectDelete(Subscriber->ReplayChunk);
        Subscriber->ReplayChunk = NULL;
    }
    KeReleaseSpinLock(&Subscriber->RingLock, oldIrql);

    *Information = (size_t)done * sizeof(EVN_EVENT);
    return done > 0 ? STATUS_SUCCESS : status;
}
