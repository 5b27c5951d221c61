//===- Checkers.h - registration entry points of the checkers -------------===//
#ifndef WDFCHECK_LIB_CHECKERS_H
#define WDFCHECK_LIB_CHECKERS_H

namespace clang::ento {
class CheckerManager;
}

namespace wdfcheck {
#define WDF_REGISTRATION(Name)                                                 \
  void register##Name##Checker(clang::ento::CheckerManager &Mgr);             \
  bool shouldRegister##Name##Checker(const clang::ento::CheckerManager &Mgr);
#define WDF_CHECKER(Name) WDF_REGISTRATION(Name)
#define WDF_MODEL(Name) WDF_REGISTRATION(Name)
#define WDF_DEBUG(Name) WDF_REGISTRATION(Name)
#include "Checkers.def"
#undef WDF_REGISTRATION
} // namespace wdfcheck

#endif
