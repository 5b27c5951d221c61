#include "Helper.H"
VOID HelperWait(VOID) {
  LARGE_INTEGER Interval;
  Interval.QuadPart = -10000;
  KeDelayExecutionThread(KernelMode, FALSE, &Interval);
}
