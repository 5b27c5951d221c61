//===- Support.h - small helpers shared by the models and the rules ------===//
//
// What several checkers need in the same form: the key a handle or lock
// argument is remembered under.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_LIB_SUPPORT_H
#define WDFCHECK_LIB_SUPPORT_H

#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"

namespace wdfcheck {

// A handle, lock or in-stack queue handle argument as a key of a state map:
// its symbol (a handle however the analyzer spells its value), else the
// region it points to without casts; null for anything else.
const void *keyOf(clang::ento::SVal V);

} // namespace wdfcheck

#endif
