/* hidpi.h (wdfcheck shim overlay) - the WDK's hidpi.h includes hidusage.h
 * itself (USAGE, HID_USAGE_*); mingw-w64's expects it included first. */
#include <hidusage.h>
#include_next <hidpi.h>
