/*
 * subscribe.c - event subscriptions of the EvtNotify driver.
 *
 * A subscription given as a class list is kept as a general framework
 * object (parent: the file object) that owns the list (a memory object
 * whose parent is the subscription) and per-class counters of the events
 * kept for it (a memory object, child of the file object, that the
 * subscription's cleanup callback deletes).  Replacing or closing deletes
 * all three.
 */
#include "evn.h"

BOOLEAN EvnSubscriberWants(PSUBSCRIBER Subscriber, ULONG Class)
{
    return (BOOLEAN)(Class < 32 && (Subscriber->Mask & (1u << Class)) != 0);
}

/* The counters belong to the subscription: they go when it goes. */
VOID EvnEvtSubscriptionCleanup(WDFOBJECT Subscription)
{
    PSUBSCRIPTION_CONTEXT context = EvnGetSubscription(Subscription);

    if (context->Counts != NULL) {
        WdfObjectDelete(context->Counts);
    }
}

/* Called by EvnDeliver with the subscriber's RingLock held: the
   subscription cannot be replaced (and deleted) meanwhile. */
VOID EvnCountKept(PSUBSCRIBER Subscriber, ULONG Class)
{
    PSUBSCRIPTION_CONTEXT context;
    PULONG counts;

    if (Subscriber->Subscription == NULL || Class >= 32) {
        return;
    }
    context = EvnGetSubscription(Subscriber->Subscription);
    if (context->Counts != NULL) {
        counts = (PULONG)WdfMemoryGetBuffer(context->Counts, NULL);
        counts[Class]++;
    }
}

static VOID EvnInstallSubscription(PSUBSCRIBER Subscriber, WDFOBJECT Subscription,
                                   ULONG Mask)
{
    WDFOBJECT previous;
    KIRQL oldIrql;

    KeAcquireSpinLock(&Subscriber->RingLock, &oldIrql);
    previous = Subscriber->Subscription;
    Subscriber->Subscription = Subscription;
    Subscriber->Mask = Mask;
    KeReleaseSpinLock(&Subscriber->RingLock, oldIrql);

    if (previous != NULL) {
        /* Deletes its class list with it. */
        WdfObjectDelete(previous);
    }
}

NTSTATUS EvnSubscribe(PDEVICE_CONTEXT DeviceContext, PSUBSCRIBER Subscriber,
                      WDFREQUEST Request, size_t InputLength)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    PEVN_SUBSCRIPTION input;
    PSUBSCRIPTION_CONTEXT subscriptionContext;
    WDFOBJECT subscription;
    WDFMEMORY filter;
    WDFMEMORY counters;
    PULONG classes;
    PULONG counts;
    size_t length;
    ULONG count;
    ULONG mask = 0;
    ULONG i;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceContext);
    UNREFERENCED_PARAMETER(InputLength);

    status = WdfRequestRetrieveInputBuffer(Request,
                                           FIELD_OFFSET(EVN_SUBSCRIPTION, Classes),
                                           (PVOID *)&input, &length);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    count = input->ClassCount;
    if (count == 0) {
        /* A plain mask: no class list to keep. */
        EvnInstallSubscription(Subscriber, NULL, input->Mask);
        return STATUS_SUCCESS;
    }
    if (count > EVN_MAX_FILTER_CLASSES ||
        length < FIELD_OFFSET(EVN_SUBSCRIPTION, Classes) + count * sizeof(ULONG)) {
        return STATUS_INVALID_PARAMETER;
    }

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, SUBSCRIPTION_CONTEXT);
    attributes.ParentObject = Subscriber->FileObject;
    attributes.EvtCleanupCallback = EvnEvtSubscriptionCleanup;
    status = WdfObjectCreate(&attributes, &subscription);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    subscriptionContext = EvnGetSubscription(subscription);

    /* Like everything of the handle, the counters hang off the file object;
       the subscription's cleanup deletes them as soon as it is replaced. */
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = Subscriber->FileObject;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, EVN_COUNTS_TAG,
                             32 * sizeof(ULONG), &counters, (PVOID *)&counts);
    if (!NT_SUCCESS(status)) {
        WdfObjectDelete(subscription);
        return status;
    }
    RtlZeroMemory(counts, 32 * sizeof(ULONG));
    subscriptionContext->Counts = counters;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = subscription;
    status = WdfMemoryCreate(&attributes, NonPagedPoolNx, EVN_FILTER_TAG,
                             count * sizeof(ULONG), &filter, (PVOID *)&classes);
    if (!NT_SUCCESS(status)) {
        WdfObjectDelete(subscription);
        return status;
    }
    RtlCopyMemory(classes, input->Classes, count * sizeof(ULONG));

    for (i = 0; i < count; i++) {
        if (classes[i] >= 32) {
            /* Not a class: drop the new subscription. */
            WdfObjectDelete(subscription);
            WdfObjectDelete(filter);
            return STATUS_INVALID_PARAMETER;
        }
        if ((mask & (1u << classes[i])) != 0) {
            /* A class named twice: a malformed list. */
            WdfObjectDelete(subscription);
            WdfObjectDelete(counters);
            return STATUS_INVALID_PARAMETER;
        }
        mask |= 1u << classes[i];
    }

    subscriptionContext->Filter = filter;
    subscriptionContext->ClassCount = count;
    EvnInstallSubscription(Subscriber, subscription, mask);
    return STATUS_SUCCESS;
}
