#include "Helper.H"
/* The callee is in helper.c: --ctu follows the call into it, loading the
   AST saved from helper.c, which names its header as it is on disk. */
EVT_WDF_IO_QUEUE_IO_READ CallerEvtIoRead;
VOID CallerEvtIoRead(WDFQUEUE Queue, WDFREQUEST Request, size_t Length) {
  HelperWait();
  WdfRequestComplete(Request, STATUS_SUCCESS);
}
