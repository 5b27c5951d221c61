#include <ntddk.h>
#include <wdf.h>

VOID DropTwice(WDFMEMORY Memory);

/* Reaches util.c's double delete again, through queue.c: the finding is
   the same one, reported once. */
VOID DropTwiceAgain(WDFMEMORY Memory) {
  DropTwice(Memory);
}
