#include "ctx.h"

EVT_WDF_WORKITEM EvtGrow;
VOID EvtGrow(WDFWORKITEM Item) {
  GetDeviceContext(Item)->Scratch = ExAllocatePool2(POOL_FLAG_PAGED, 512, 'lbaT');
}

EVT_WDF_DPC EvtDpc;
VOID EvtDpc(WDFDPC Dpc) {
  DEVICE_CONTEXT *ctx = GetDeviceContext(WdfDpcGetParentObject(Dpc));
  ctx->Scratch[0] = 1;
  ctx->Table[0] = 1;
}
