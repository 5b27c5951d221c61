// The WPP configuration header of a small test driver: a control GUID with
// two flags and a begin_wpp config block (the one WPP's scanner reads).
#pragma once

#if !defined(EVENT_TRACING)
// Without WPP the flags are plain numbers and the trace functions vanish.
#define FLAG_INIT 0x1
#define FLAG_IO 0x2
#define TraceEvents(...)
#define TraceDevice(...)
#define Hexdump(x)
#define WPP_INIT_TRACING(DriverObject, RegistryPath)
#define WPP_CLEANUP(DriverObject)
#else
#define WPP_CONTROL_GUIDS                                              \
    WPP_DEFINE_CONTROL_GUID(GenTestTraceGuid,                          \
        (5a1e0a4c,2f6b,4c51,9d0e,6b7c8d9e0f10),                        \
        WPP_DEFINE_BIT(FLAG_INIT)        /* bit 0 = 0x00000001 */      \
        WPP_DEFINE_BIT(FLAG_IO)          /* bit 1 = 0x00000002 */      \
        )

#define WPP_LEVEL_FLAGS_LOGGER(lvl, flags) WPP_LEVEL_LOGGER(flags)
#define WPP_LEVEL_FLAGS_ENABLED(lvl, flags) \
    (WPP_LEVEL_ENABLED(flags) && WPP_CONTROL(WPP_BIT_##flags).Level >= lvl)
#endif

// The trace functions WPP scans for sit between "begin_wpp config" and
// "end_wpp" (this sentence names both and holds no FUNC).
//
// begin_wpp config
// USEPREFIX(TraceDevice, "%!STDPREFIX! [%!FUNC!]");
// FUNC TraceDevice{LEVEL=TRACE_LEVEL_INFORMATION}(FLAGS, MSG, ...);
// USESUFFIX(TraceDevice, " (%!FILE!)");
// FUNC Hexdump((LEVEL, FLAGS, MSG, ...));
// CUSTOM_TYPE(IOSTATE, ItemEnum(_IO_STATE));
// end_wpp
