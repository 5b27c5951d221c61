#include "lib.h"

#ifndef QUEUE_ONLY
#error "the per-item PreprocessorDefinitions of queue.c were lost"
#endif
#if !defined(DRV_FLAVOUR_checked) && !defined(DRV_FLAVOUR_free)
#error "the item definition group's defines were lost"
#endif

int QueueValue(void) { return LibValue() + QUEUE_ONLY; }
