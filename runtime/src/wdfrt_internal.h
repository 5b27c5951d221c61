/*
 * wdfrt_internal.h - shared between the runtime's source files, not part of
 * its API.  Internal names start with _wdfrt_.
 */
#ifndef WDFCHECK_WDFRT_INTERNAL_H
#define WDFCHECK_WDFRT_INTERNAL_H

#include "wdfrt.h"

/* Counts the report and hands it to the handler; printf-style message. */
void _wdfrt_report(enum wdf_rule_id rule, const char *file, int line,
                   const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* The IRQL names used in messages: PASSIVE_LEVEL, ..., DIRQL. */
const char *_wdfrt_irql_name(unsigned irql);

#endif
