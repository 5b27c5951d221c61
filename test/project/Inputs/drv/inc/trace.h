/* The driver's trace configuration (WPP scans it for begin_wpp blocks). */
#define DRV_TRACE_GUID 1
