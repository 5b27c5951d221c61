/* Includes the trace header WPP generates at build time. */
#include <ntddk.h>
#include "needs_tmh.tmh"
void Traced(void) {}
