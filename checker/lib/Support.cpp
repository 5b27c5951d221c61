//===- Support.cpp - small helpers shared by the models and the rules ----===//
#include "Support.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {

const void *keyOf(SVal V) {
  if (SymbolRef S = V.getAsSymbol())
    return S;
  if (const MemRegion *R = V.getAsRegion())
    return R->StripCasts();
  return nullptr;
}

} // namespace wdfcheck
