/*
 * evn.h - the EvtNotify driver: a kernel event hub.
 *
 * Each open handle is a subscriber with an event mask and a small ring of
 * undelivered events.  IOCTL_EVN_POST_EVENT queues an event; a DPC fans
 * the queued events out to the subscribers, completing a waiting
 * IOCTL_EVN_WAIT_EVENT request or, if none waits, storing the event in the
 * subscriber's ring.
 *
 * Locking: HubLock (a KSPIN_LOCK, taken with in-stack queued handles)
 * guards the subscriber list and the posted-event FIFO; each subscriber's
 * RingLock guards its ring.  Both are only taken at DISPATCH_LEVEL or with
 * the IRQL raised to it.
 */
#ifndef EVN_H
#define EVN_H

#include <ntddk.h>
#include <wdf.h>

#define EVN_TAG 'nvEE'
#define EVN_SUBSCRIBER_TAG 'svEE'
#define EVN_FILTER_TAG 'fvEE'
#define EVN_BACKLOG_TAG 'bvEE'
#define EVN_COUNTS_TAG 'cvEE'
#define EVN_REPLAY_TAG 'pvEE'
/* Ring storage is protected pool: only this driver may free it. */
#define EVN_RING_TAG ('rvEE' | PROTECTED_POOL)

#define EVN_RING_EVENTS 64
#define EVN_POSTED_MAX 128
#define EVN_MAX_FILTER_CLASSES 32
#define EVN_BACKLOG_EVENTS 16
#define EVN_MAX_SUBSCRIBERS 32
#define EVN_REPLAY_CHUNK 16       /* events staged per ring lock hold */

#define FILE_DEVICE_EVN 0x00006E76

#define IOCTL_EVN_SUBSCRIBE \
    CTL_CODE(FILE_DEVICE_EVN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_EVN_POST_EVENT \
    CTL_CODE(FILE_DEVICE_EVN, 0x801, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_EVN_WAIT_EVENT \
    CTL_CODE(FILE_DEVICE_EVN, 0x802, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_EVN_DRAIN \
    CTL_CODE(FILE_DEVICE_EVN, 0x803, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Copies the ring's events without taking them (a monitoring tool). */
#define IOCTL_EVN_REPLAY \
    CTL_CODE(FILE_DEVICE_EVN, 0x804, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _EVN_EVENT {
    ULONG Class;          /* 0..31 */
    ULONG Code;
    ULONG64 Time;
    ULONG64 Data;
} EVN_EVENT, *PEVN_EVENT;

/* IOCTL_EVN_SUBSCRIBE input: a mask, or an explicit class list. */
typedef struct _EVN_SUBSCRIPTION {
    ULONG Mask;
    ULONG ClassCount;     /* 0: use Mask */
    ULONG Classes[1];
} EVN_SUBSCRIPTION, *PEVN_SUBSCRIPTION;

/* A subscriber: the context of its file object. */
typedef struct _SUBSCRIBER {
    LIST_ENTRY Link;              /* in the hub's list, under HubLock */
    WDFFILEOBJECT FileObject;
    WDFQUEUE WaitQueue;           /* manual: IOCTL_EVN_WAIT_EVENT requests */
    ULONG Mask;
    WDFOBJECT Subscription;       /* the current filter, or NULL */

    KSPIN_LOCK RingLock;
    WDFMEMORY RingMemory;         /* preallocated over RingStorage */
    PEVN_EVENT RingStorage;
    ULONG RingHead;
    ULONG RingCount;
    ULONG Dropped;

    WDFMEMORY Backlog;            /* events delivered while the handle closes */
    WDFMEMORY ReplayChunk;        /* IOCTL_EVN_REPLAY's staging; EvtFileClose
                                     deletes one a replay left behind */
    BOOLEAN Linked;
} SUBSCRIBER, *PSUBSCRIBER;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SUBSCRIBER, EvnGetSubscriber)

/* The context of a subscription object (a general WDFOBJECT). */
typedef struct _SUBSCRIPTION_CONTEXT {
    WDFMEMORY Filter;             /* ULONG classes; child of the object */
    ULONG ClassCount;
    WDFMEMORY Counts;             /* ULONG[32] events kept per class, under
                                     the subscriber's RingLock; deleted by
                                     EvnEvtSubscriptionCleanup */
} SUBSCRIPTION_CONTEXT, *PSUBSCRIPTION_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SUBSCRIPTION_CONTEXT, EvnGetSubscription)

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    WDFQUEUE DefaultQueue;
    WDFDPC FanoutDpc;

    KSPIN_LOCK HubLock;
    LIST_ENTRY Subscribers;
    ULONG SubscriberCount;
    EVN_EVENT Posted[EVN_POSTED_MAX];
    ULONG PostedHead;
    ULONG PostedCount;
    ULONG PostedDropped;
    ULONG64 Sequence;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, EvnGetDeviceContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD EvnEvtDeviceAdd;
EVT_WDF_DEVICE_FILE_CREATE EvnEvtFileCreate;
EVT_WDF_FILE_CLEANUP EvnEvtFileCleanup;
EVT_WDF_FILE_CLOSE EvnEvtFileClose;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvnEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE EvnEvtWaitCanceled;
EVT_WDF_DPC EvnEvtFanoutDpc;

/* subscribe.c */
NTSTATUS EvnSubscribe(_In_ PDEVICE_CONTEXT DeviceContext,
                      _In_ PSUBSCRIBER Subscriber, _In_ WDFREQUEST Request,
                      _In_ size_t InputLength);
BOOLEAN EvnSubscriberWants(_In_ PSUBSCRIBER Subscriber, _In_ ULONG Class);
_IRQL_requires_(DISPATCH_LEVEL)
VOID EvnCountKept(_In_ PSUBSCRIBER Subscriber, _In_ ULONG Class);
EVT_WDF_OBJECT_CONTEXT_CLEANUP EvnEvtSubscriptionCleanup;

/* event.c */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS EvnPostEvent(_In_ PDEVICE_CONTEXT DeviceContext,
                      _In_ const EVN_EVENT *Event);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS EvnDrain(_In_ PSUBSCRIBER Subscriber, _In_ WDFREQUEST Request,
                  _Out_ size_t *Information);
_IRQL_requires_(DISPATCH_LEVEL)
VOID EvnDeliver(_In_ PSUBSCRIBER Subscriber, _In_ const EVN_EVENT *Event);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS EvnReplay(_In_ PSUBSCRIBER Subscriber, _In_ WDFREQUEST Request,
                   _Out_ size_t *Information);

#endif /* EVN_H */
