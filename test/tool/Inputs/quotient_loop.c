/* A buffer filled by a loop over length / sizeof(ENTRY) after the length
   was checked to be a non-zero multiple of the entry size: the loop always
   runs, every byte is written.  The range solver alone believes a path
   with a quotient of 0 exists; Z3 refutes it. */
#include <ntddk.h>
#include <wdf.h>

typedef struct _ENTRY {
    ULONG A;
    ULONG B;
    ULONGLONG C;
} ENTRY;

static VOID FillEntries(WDFREQUEST Request, size_t Length, BOOLEAN Partly)
{
    PVOID out;
    ENTRY *buf;
    size_t count, i;

    if (Length < sizeof(ENTRY) || Length % sizeof(ENTRY) != 0) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }
    if (!NT_SUCCESS(WdfRequestRetrieveOutputBuffer(Request, Length, &out, NULL))) {
        WdfRequestComplete(Request, STATUS_BUFFER_TOO_SMALL);
        return;
    }
    buf = (ENTRY *)ExAllocatePoolWithTag(NonPagedPoolNx, Length, 'tseT');
    if (buf == NULL) {
        WdfRequestComplete(Request, STATUS_INSUFFICIENT_RESOURCES);
        return;
    }
    count = Length / sizeof(ENTRY);
    for (i = 0; i < count; i++) {
        buf[i].A = 1;
        if (!Partly) {
            buf[i].B = 2;
        }
        buf[i].C = 3;
    }
    RtlCopyMemory(out, buf, Length);
    ExFreePoolWithTag(buf, 'tseT');
    WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}

VOID EvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    UNREFERENCED_PARAMETER(Queue);
    FillEntries(Request, Length, FALSE);
}

VOID EvtIoWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length)
{
    UNREFERENCED_PARAMETER(Queue);
    FillEntries(Request, Length, TRUE);   /* B never written: a true finding */
}
