/* The callbacks of queue.c, registered by device.c. */
EVT_WDF_IO_QUEUE_IO_READ EvtPassiveRead;
VOID EvtDispatchWrite(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
NTSTATUS CreateQueues(WDFDEVICE Device);
