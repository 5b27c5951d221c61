/*
 * file.c - subscribers of the EvtNotify driver: one per open handle.
 *
 * EvtDeviceFileCreate (PASSIVE_LEVEL) builds the subscriber in the file
 * object's context: a manual queue for its waiting requests, whose parent
 * is the file object, and the event ring.  EvtFileCleanup unlinks it and
 * fails its waiting requests; EvtFileClose frees the ring storage.
 */
#include "evn.h"

/* The ring: non-paged storage (the DPC fills it) described by a memory
   object, so that it can be handed to framework copy routines. */
static NTSTATUS EvnAllocateRing(PSUBSCRIBER Subscriber)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    Subscriber->RingStorage = (PEVN_EVENT)ExAllocatePoolWithTag(
        NonPagedPoolNx, EVN_RING_EVENTS * sizeof(EVN_EVENT), EVN_RING_TAG);
    if (Subscriber->RingStorage == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Subscriber->FileObject;
    status = WdfMemoryCreatePreallocated(&attributes, Subscriber->RingStorage,
                                         EVN_RING_EVENTS * sizeof(EVN_EVENT),
                                         &Subscriber->RingMemory);
    RtlZeroMemory(WdfMemoryGetBuffer(Subscriber->RingMemory, NULL),
                  EVN_RING_EVENTS * sizeof(EVN_EVENT));
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(Subscriber->RingStorage, EVN_RING_TAG);
        Subscriber->RingStorage = NULL;
        return status;
    }
    Subscriber->RingHead = 0;
    Subscriber->RingCount = 0;
    return STATUS_SUCCESS;
}

VOID EvnEvtFileCreate(WDFDEVICE Device, WDFREQUEST Request,
                      WDFFILEOBJECT FileObject)
{
    PDEVICE_CONTEXT deviceContext = EvnGetDeviceContext(Device);
    PSUBSCRIBER subscriber = EvnGetSubscriber(FileObject);
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    KLOCK_QUEUE_HANDLE lockHandle;
    NTSTATUS status;

    subscriber->FileObject = FileObject;
    subscriber->Mask = 0;
    subscriber->Subscription = NULL;
    subscriber->Backlog = NULL;
    subscriber->Linked = FALSE;
    KeInitializeSpinLock(&subscriber->RingLock);

    /* The subscriber's waiting requests; the queue goes with the handle. */
    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchManual);
    queueConfig.EvtIoCanceledOnQueue = EvnEvtWaitCanceled;
    queueConfig.PowerManaged = WdfFalse;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = FileObject;
    status = WdfIoQueueCreate(Device, &queueConfig, &attributes,
                              &subscriber->WaitQueue);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    status = EvnAllocateRing(subscriber);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    KeAcquireInStackQueuedSpinLock(&deviceContext->HubLock, &lockHandle);
    if (deviceContext->SubscriberCount >= EVN_MAX_SUBSCRIBERS) {
        status = STATUS_TOO_MANY_OPENED_FILES;
    } else {
        InsertTailList(&deviceContext->Subscribers, &subscriber->Link);
        deviceContext->SubscriberCount++;
        subscriber->Linked = TRUE;
    }
    KeReleaseInStackQueuedSpinLock(&lockHandle);

    if (!NT_SUCCESS(status)) {
        /* No EvtFileClose for a failed create: undo the ring here. */
        WdfObjectDelete(subscriber->RingMemory);
        subscriber->RingMemory = NULL;
        ExFreePoolWithTag(subscriber->RingStorage, EVN_RING_TAG);
        subscriber->RingStorage = NULL;
    }
    WdfRequestComplete(Request, status);
}

/* The last handle is being closed: stop delivering to it, and fail its
   waiting requests.  PASSIVE_LEVEL. */
VOID EvnEvtFileCleanup(WDFFILEOBJECT FileObject)
{
    PDEVICE_CONTEXT deviceContext =
        EvnGetDeviceContext(WdfFileObjectGetDevice(FileObject));
    PSUBSCRIBER subscriber = EvnGetSubscriber(FileObject);
    KLOCK_QUEUE_HANDLE lockHandle;
    PEVN_EVENT farewell = NULL;

    KeAcquireInStackQueuedSpinLock(&deviceContext->HubLock, &lockHandle);
    if (subscriber->Linked) {
        RemoveEntryList(&subscriber->Link);
        deviceContext->SubscriberCount--;
        subscriber->Linked = FALSE;
        /* Tell the remaining subscribers of class 0 that one left. */
        farewell = (PEVN_EVENT)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(EVN_EVENT),
                                               EVN_TAG);
    }
    KeReleaseInStackQueuedSpinLock(&lockHandle);

    /* Waiting requests fail now; PASSIVE_LEVEL allows the synchronous
       purge. */
    if (subscriber->WaitQueue != NULL) {
        WdfIoQueuePurgeSynchronously(subscriber->WaitQueue);
    }

    if (farewell != NULL) {
        farewell->Class = 0;
        farewell->Code = 1;
        farewell->Data = subscriber->Dropped;
        farewell->Time = 0;
        (VOID)EvnPostEvent(deviceContext, farewell);
        ExFreePoolWithTag(farewell, EVN_TAG);
    }
}

/* The file object is going away: the ring memory object (a child of the
   file object) describes pool the driver allocated, which the framework
   never frees. */
VOID EvnEvtFileClose(WDFFILEOBJECT FileObject)
{
    PSUBSCRIBER subscriber = EvnGetSubscriber(FileObject);

    if (subscriber->RingMemory != NULL) {
        WdfObjectDelete(subscriber->RingMemory);
        subscriber->RingMemory = NULL;
    }
    if (subscriber->RingStorage != NULL) {
        ExFreePoolWithTag(subscriber->RingStorage, EVN_RING_TAG);
        subscriber->RingStorage = NULL;
    }
    if (subscriber->ReplayChunk != NULL) {
        WdfObjectDelete(subscriber->ReplayChunk);
        subscriber->ReplayChunk = NULL;
    }
}
