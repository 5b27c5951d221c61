/* driverspecs.h (wdfcheck shim overlay) - mingw-w64's driverspecs.h, then
 * the driver annotations the WDK's has and mingw's lacks.
 *
 * Outside /analyze (_PREFAST_ undefined) the WDK defines every driver
 * annotation as nothing, and so does this file.  wdfcheck does not need
 * them to expand to anything: its IRQL model reads _IRQL_requires_max_ &
 * co. from the source text of each declaration (checker/lib/IrqlEntry.cpp),
 * so they must only parse.  Nothing here may expand to tokens: that would
 * move where a declaration begins, and the text read before it.
 */
#include_next <driverspecs.h>

#ifndef WDFCHECK_SHIM_DRIVERSPECS_H
#define WDFCHECK_SHIM_DRIVERSPECS_H

/* IRQL annotations that mingw-w64 10 does not define. */
#ifndef _IRQL_limited_to_
#define _IRQL_limited_to_(irql)
#endif
#ifndef _IRQL_always_function_max_
#define _IRQL_always_function_max_(irql)
#endif
#ifndef _IRQL_always_function_min_
#define _IRQL_always_function_min_(irql)
#endif
#ifndef _IRQL_saves_global_
#define _IRQL_saves_global_(kind, param)
#endif
#ifndef _IRQL_restores_global_
#define _IRQL_restores_global_(kind, param)
#endif
#ifndef _IRQL_is_cancel_
#define _IRQL_is_cancel_
#endif
#ifndef _IRQL_uses_cancel_
#define _IRQL_uses_cancel_
#endif

/* Dispatch routine and function class annotations. */
#ifndef _Dispatch_type_
#define _Dispatch_type_(type)
#endif
#ifndef __drv_dispatchType_other
#define __drv_dispatchType_other
#endif
#ifndef __drv_functionClass
#define __drv_functionClass(x)
#endif
#ifndef __drv_reportError
#define __drv_reportError(why)
#endif
#ifndef __drv_strictType
#define __drv_strictType(typename, mode)
#endif
#ifndef __drv_strictTypeMatch
#define __drv_strictTypeMatch(mode)
#endif
#ifndef __drv_typeConst
#define __drv_typeConst 0
#define __drv_typeCond 1
#define __drv_typeBitset 2
#define __drv_typeExpr 3
#endif
#ifndef __drv_isObjectPointer
#define __drv_isObjectPointer
#endif
#ifndef __drv_mustHold
#define __drv_mustHold(kind)
#endif
#ifndef __drv_mustHoldCriticalRegion
#define __drv_mustHoldCriticalRegion
#endif
#ifndef __drv_neverHold
#define __drv_neverHold(kind)
#endif
#ifndef __drv_acquiresResource
#define __drv_acquiresResource(kind)
#endif
#ifndef __drv_releasesResource
#define __drv_releasesResource(kind)
#endif
#ifndef __drv_acquiresCancelSpinLock
#define __drv_acquiresCancelSpinLock
#endif
#ifndef __drv_releasesCancelSpinLock
#define __drv_releasesCancelSpinLock
#endif
#ifndef __drv_innerMustHoldGlobal
#define __drv_innerMustHoldGlobal(kind, param)
#endif
#ifndef __drv_innerNeverHoldGlobal
#define __drv_innerNeverHoldGlobal(kind, param)
#endif
#ifndef __drv_preferredFunction
#define __drv_preferredFunction(func, why)
#endif
#ifndef __drv_clearDoInit
#define __drv_clearDoInit(yesNo)
#endif
#ifndef __drv_KMDF
#define __drv_KMDF
#endif
#ifndef __drv_WDM
#define __drv_WDM
#endif
#ifndef __drv_ZwDirectCall
#define __drv_ZwDirectCall
#endif
#ifndef __drv_freesMem
#define __drv_freesMem(kind)
#endif
#ifndef __drv_constant
#define __drv_constant
#endif
#ifndef __drv_floatUsed
#define __drv_floatUsed
#endif

/* The _Kernel_* annotations (SAL 2 spellings of the __drv_* ones). */
#ifndef _Kernel_float_saved_
#define _Kernel_float_saved_
#endif
#ifndef _Kernel_float_restored_
#define _Kernel_float_restored_
#endif
#ifndef _Kernel_float_used_
#define _Kernel_float_used_
#endif
#ifndef _Kernel_acquires_resource_
#define _Kernel_acquires_resource_(kind)
#endif
#ifndef _Kernel_releases_resource_
#define _Kernel_releases_resource_(kind)
#endif
#ifndef _Kernel_requires_resource_held_
#define _Kernel_requires_resource_held_(kind)
#endif
#ifndef _Kernel_requires_resource_not_held_
#define _Kernel_requires_resource_not_held_(kind)
#endif
#ifndef _Kernel_clear_do_init_
#define _Kernel_clear_do_init_(yesNo)
#endif
#ifndef _Kernel_IoGetDmaAdapter_
#define _Kernel_IoGetDmaAdapter_
#endif
#ifndef _Kernel_ExAllocatePool_
#define _Kernel_ExAllocatePool_(f)
#endif

#endif /* WDFCHECK_SHIM_DRIVERSPECS_H */
