/* finish.c - completes a write with the bytes it took. */
#include "tally.h"

VOID TallyFinish(WDFREQUEST Request, size_t Length) {
  WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, Length);
}
