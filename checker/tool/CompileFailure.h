//===- CompileFailure.h - a file that did not compile, said usefully ------===//
//
// A driver checked on Linux fails to compile for a few reasons a user can
// act on: an include directory the project lacks or that an unknown macro
// left out, a header or declaration the chosen header set does not have
// (mingw-w64 is not the WDK), a header the Windows build generates.  The
// compiler's first error is shown with what most likely caused it; the
// errors that follow the first are mostly its consequences.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_COMPILEFAILURE_H
#define WDFCHECK_TOOL_COMPILEFAILURE_H

#include <string>

namespace wdfcheck {

// The headers the file was compiled against.
enum class HeaderOrigin {
  Model,       // wdfcheck's model headers
  KmdfHeaders, // --kmdf-headers: WDF's headers, mingw-w64 and the shim
  Wdk,         // --wdk: a real WDK
  Own,         // the user's own flags (--no-model-headers)
};

struct CompileFailure {
  std::string First;  // the first error, with its notes and source lines
  unsigned More = 0;  // errors after it
  std::string Cause;  // the likely cause and what to do; "" when unknown
};

// Reads the compiler's text (Errors) for a file compiled against Headers.
CompileFailure explainFailure(const std::string &Errors, HeaderOrigin Headers);

} // namespace wdfcheck

#endif
