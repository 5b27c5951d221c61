/*
 * wdm.h -- wdfcheck model: the WDM subset lives in ntddk.h.
 *
 * In the WDK, ntddk.h includes wdm.h; in this model everything is in
 * ntddk.h, and wdm.h forwards to it so that drivers including either
 * header (or both, in any order) compile.
 */
#ifndef WDFCHECK_WDM_H
#define WDFCHECK_WDM_H

#ifdef __clang__
#pragma clang system_header
#endif

#include "ntddk.h"

#endif /* WDFCHECK_WDM_H */
