//===- Catalog.h - the rule catalog as the checker library sees it -------===//
//
// A C++ view of rules/rules.def: the wdfcheck command, the plugin and the
// checkers all name rules through it.  Registration of the checkers that
// this build implements lives here too, so the plugin and the command
// register exactly the same set.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CATALOG_H
#define WDFCHECK_CATALOG_H

#include "wdfrules.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::ento {
class CheckerRegistry;
}

namespace wdfcheck {

struct RuleInfo {
  wdf_rule_id Rule;
  const char *Id;          // "WM007"
  const char *Name;        // "BadArgument"
  const char *CheckerName; // "wdf.BadArgument"
  wdf_severity Severity;
  const char *Title;
  const char *Summary;
  const char *Sdv;
  const char *Prefast;
  const char *Codeql;
  wdf_model Model; // the shared model it reads
  bool Available;  // implemented by this build's checker library

  llvm::StringRef severityName() const {
    switch (Severity) {
    case WDF_SEV_error:
      return "error";
    case WDF_SEV_warning:
      return "warning";
    case WDF_SEV_note:
      break;
    }
    return "note";
  }
  // The analyzer category of its findings, after its model.
  const char *category() const {
    return Model == WDF_MODEL_IRQL ? "WDF IRQL rules" : "WDF memory rules";
  }
  // The hidden checker of its model ("wdf.IrqlModel"), or nullptr.
  const char *modelChecker() const;
  // docs/rules/<Id>.md, relative to the documentation root.
  std::string docPage() const { return std::string("rules/") + Id + ".md"; }
};

llvm::ArrayRef<RuleInfo> rules();
const RuleInfo &rule(wdf_rule_id Id);

// Accepts a rule ID (WM007), a checker name (wdf.BadArgument) or the bare
// name (BadArgument), case-insensitively.  nullptr when nothing matches.
const RuleInfo *findRule(llvm::StringRef IdOrName);

// Registers every checker this build implements, with its rule page as the
// documentation link and its options.  Used by the plugin and the command.
void registerCheckers(clang::ento::CheckerRegistry &Registry);

// Name of the checker option that makes a checker attach fix-its.
inline constexpr const char *ShowFixItsOption = "ShowFixIts";
// wdf.IrqlModel's option: do not explore top-level functions that cannot
// lead to a wdf finding (set by wdfcheck, which shows only those).
inline constexpr const char *SkipUnrelatedOption = "SkipUnrelated";
// wdf.IrqlModel's option "i/n": explore only the top-level functions of
// part i (0-based) of n, the file's definitions dealt out by size (wdfcheck
// -j on fewer files than jobs: one file analysed by several threads).
inline constexpr const char *FunctionShardOption = "FunctionShard";
// wdf.IrqlModel's option: check each report's path with Z3 before it is
// shown, and drop it when its constraints cannot all hold (set by
// wdfcheck; checker/lib/Refutation.h).
inline constexpr const char *RefuteOption = "Refute";
// wdf.IrqlModel's option naming the driver-wide role registrations file
// (wdfcheck --ctu writes it beside its index).
inline constexpr const char *DriverRolesOption = "DriverRoles";
// WM007's checker's option: the driver's NX opt-in (wdfcheck --ctu; the
// values are in DriverFacts.h).
inline constexpr const char *DriverNxOptInOption = "DriverNxOptIn";
// wdf.PagedAccess: the file of the driver's paged fields (wdfcheck --ctu).
inline constexpr const char *DriverPagedFieldsOption = "DriverPagedFields";
// The hidden modelling checkers (checker/lib/Checkers.def's WDF_MODEL).
inline constexpr const char *IrqlModelName = "wdf.IrqlModel";
inline constexpr const char *MemoryModelName = "wdf.MemoryModel";

} // namespace wdfcheck

#endif
