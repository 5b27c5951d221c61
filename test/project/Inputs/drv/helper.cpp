// A C++ source of the driver.
#include "lib.h"

namespace drv {
constexpr int Twice(int V) { return 2 * V; }
} // namespace drv

extern "C" int HelperValue() { return drv::Twice(LibValue()); }
