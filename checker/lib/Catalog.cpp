//===- Catalog.cpp - rules/rules.def for C++ ------------------------------===//
#include "wdfcheck/Catalog.h"
#include "Checkers.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang::ento;

namespace wdfcheck {
namespace {

// Whether this build implements a rule's checker: the names listed in
// Checkers.def.
bool isImplemented(llvm::StringRef Name) {
#define WDF_CHECKER(N)                                                         \
  if (Name == #N)                                                              \
    return true;
#include "Checkers.def"
  return false;
}

std::vector<RuleInfo> buildRules() {
  std::vector<RuleInfo> Rules = {
#define WDF_RULE(Id, Checker, Severity, Title, Summary, Sdv, Prefast, Codeql, \
                 Model)                                                        \
  {WDF_RULE_##Id, #Id,    #Checker, "wdf." #Checker, WDF_SEV_##Severity,      \
   Title,         Summary, Sdv,     Prefast,         Codeql,                  \
   WDF_MODEL_##Model, false},
#include "rules.def"
  };
  for (RuleInfo &R : Rules)
    R.Available = isImplemented(R.Name);
  return Rules;
}

} // namespace

llvm::ArrayRef<RuleInfo> rules() {
  static const std::vector<RuleInfo> Rules = buildRules();
  return Rules;
}

const RuleInfo &rule(wdf_rule_id Id) { return rules()[Id]; }

const char *RuleInfo::modelChecker() const {
  switch (Model) {
  case WDF_MODEL_IRQL:
    return IrqlModelName;
  case WDF_MODEL_MEMORY:
    return MemoryModelName;
  case WDF_MODEL_NONE:
    break;
  }
  return nullptr;
}

const RuleInfo *findRule(llvm::StringRef IdOrName) {
  for (const RuleInfo &R : rules())
    if (IdOrName.equals_insensitive(R.Id) ||
        IdOrName.equals_insensitive(R.Name) ||
        IdOrName.equals_insensitive(R.CheckerName))
      return &R;
  return nullptr;
}

void registerCheckers(CheckerRegistry &Registry) {
#define WDF_CHECKER(Name)                                                      \
  {                                                                            \
    const RuleInfo &R = *findRule(#Name);                                      \
    Registry.addChecker(register##Name##Checker,                               \
                        shouldRegister##Name##Checker, R.CheckerName,          \
                        R.Summary, R.docPage(), /*IsHidden=*/false);           \
    Registry.addCheckerOption("bool", R.CheckerName, ShowFixItsOption,         \
                              "false",                                         \
                              "Attach fix-its to the findings that have a "    \
                              "mechanical fix",                                \
                              "released");                                     \
  }
#define WDF_MODEL(Name)                                                        \
  Registry.addChecker(register##Name##Checker, shouldRegister##Name##Checker,  \
                      "wdf." #Name, "Shared modelling of the wdf checkers",    \
                      "docs/architecture.md", /*IsHidden=*/true);
#define WDF_DEBUG(Name)                                                        \
  Registry.addChecker(register##Name##Checker, shouldRegister##Name##Checker,  \
                      "debug.wdf." #Name, "Debugging aid of the wdf checkers", \
                      "docs/architecture.md", /*IsHidden=*/true);
#include "Checkers.def"
  // Each rule's checker needs its model (rules.def's Model column).
  for (const RuleInfo &R : rules())
    if (R.Available && R.modelChecker())
      Registry.addDependency(R.CheckerName, R.modelChecker());
  Registry.addCheckerOption("bool", IrqlModelName, SkipUnrelatedOption, "false",
                            "Do not explore top-level functions that cannot "
                            "lead to a wdf finding",
                            "released");
  Registry.addCheckerOption("bool", IrqlModelName, RefuteOption, "false",
                            "Check each report's path with Z3 and drop the "
                            "report when the path cannot happen",
                            "released");
  Registry.addCheckerOption("string", IrqlModelName, FunctionShardOption, "",
                            "Explore only the top-level functions of part i "
                            "of n (\"i/n\", i from 0), dealt out by size",
                            "released");
  Registry.addCheckerOption("string", rule(WDF_RULE_WM007).CheckerName,
                            DriverNxOptInOption, "",
                            "Whether the driver's DriverEntry, in another "
                            "file, opts in to NX pool (wdfcheck --ctu)",
                            "released");
  Registry.addCheckerOption("string", rule(WDF_RULE_WM010).CheckerName,
                            DriverPagedFieldsOption, "",
                            "A file of the fields that only ever hold paged "
                            "memory in the whole driver (wdfcheck --ctu)",
                            "released");
  Registry.addCheckerOption("string", IrqlModelName, DriverRolesOption, "",
                            "A file of the callback registrations the "
                            "driver's other files make (wdfcheck --ctu)",
                            "released");
}

} // namespace wdfcheck
