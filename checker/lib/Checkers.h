//===- Checkers.h - registration entry points of the checkers -------------===//
#ifndef WDFCHECK_LIB_CHECKERS_H
#define WDFCHECK_LIB_CHECKERS_H

#include "wdfcheck/Catalog.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"

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

// The bug type of a rule's findings: its title and category from the
// catalog (rules.def), so the analyzer's lists, list-rules and SARIF agree.
inline clang::ento::BugType ruleBug(const clang::ento::CheckerBase *Checker,
                                    wdf_rule_id Rule,
                                    bool SuppressOnSink = false) {
  const RuleInfo &R = rule(Rule);
  return clang::ento::BugType(Checker, R.Title, R.category(), SuppressOnSink);
}
// The same for a rule that reports through a model and registers no
// checker object of its own (its name is the one being registered).
inline clang::ento::BugType ruleBug(clang::ento::CheckerNameRef Name,
                                    wdf_rule_id Rule,
                                    bool SuppressOnSink = false) {
  const RuleInfo &R = rule(Rule);
  return clang::ento::BugType(Name, R.Title, R.category(), SuppressOnSink);
}
} // namespace wdfcheck

#endif
