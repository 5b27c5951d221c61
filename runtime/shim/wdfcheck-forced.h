/* wdfcheck-forced.h - read before anything else in a file checked with
 * the --kmdf-headers set (-include; docs/headers.md).
 *
 * It settles clashes between mingw-w64 headers that the WDK does not have,
 * before either header is read.  It declares nothing a driver uses.
 */
#pragma once

#if defined(__cplusplus)
/* mingw-w64's ddk/wdm.h and psdk_inc/intrin-impl.h both define
 * InterlockedBitTestAndSet/Reset as inline functions.  C accepts the
 * second gnu_inline definition, C++ rejects it as a redefinition.  Marking
 * the intrin-impl copies as already defined keeps wdm.h's (the kernel's). */
#define __INTRINSIC_DEFINED_InterlockedBitTestAndSet
#define __INTRINSIC_DEFINED_InterlockedBitTestAndReset
#endif
