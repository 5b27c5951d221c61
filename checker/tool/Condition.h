//===- Condition.h - MSBuild's Condition attribute -------------------------===//
//
// A .vcxproj chooses what a configuration builds with Condition attributes:
// '$(Configuration)|$(Platform)'=='Debug|x64', Exists('...'), and, or, !,
// parentheses.  MSBuild compares strings without regard to case, and numbers
// as numbers.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_CONDITION_H
#define WDFCHECK_TOOL_CONDITION_H

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <string>

namespace wdfcheck {

struct ConditionContext {
  // $(Prop), %(Meta) and @(Item) in a quoted or bare operand, expanded.
  std::function<std::string(llvm::StringRef)> Expand;
  // Exists('path'): the path as written, expanded.
  std::function<bool(llvm::StringRef)> Exists;
};

// The value of Condition.  False with Error (what could not be read) on a
// condition outside the grammar; the caller treats it as false.
bool evaluateCondition(llvm::StringRef Condition, const ConditionContext &Ctx,
                       bool &Value, std::string &Error);

} // namespace wdfcheck

#endif
