/* Includes a WDK header wdfcheck's model headers do not have. */
#include <ntddk.h>
#include <usbdlib.h>
void UsbHelper(void) {}
