/* Three errors; the first is shown, with its cause. */
#include <ntddk.h>
void Broken(void) {
  WPP_INIT_TRACING(0, 0);
  undeclared_one = 1;
  undeclared_two = 2;
}
