//===- Checkers.h - registration entry points of the checkers -------------===//
#ifndef WDFCHECK_LIB_CHECKERS_H
#define WDFCHECK_LIB_CHECKERS_H

namespace clang::ento {
class CheckerManager;
}

namespace wdfcheck {
#define WDF_CHECKER(Name)                                                      \
  void register##Name##Checker(clang::ento::CheckerManager &Mgr);             \
  bool shouldRegister##Name##Checker(const clang::ento::CheckerManager &Mgr);
#include "Checkers.def"
} // namespace wdfcheck

#endif
