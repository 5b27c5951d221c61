//===- IrqlEntry.h - where a function's entry IRQL comes from --------------===//
//
// The translation-unit pre-pass of the IRQL model (PRODUCT.md, "Where the
// IRQL comes from").  Before any path is explored, the whole TU is visited
// once to learn each function's entry IRQL, in order of strength:
//
//   1. SAL annotations on the function's own declarations or definition
//      (_IRQL_requires_, _IRQL_requires_max_, _IRQL_requires_min_), read back
//      from the source text because sal.h defines them to nothing for clang;
//   2. its KMDF callback role: a role-type declaration (EVT_WDF_IO_QUEUE_IO_READ
//      F;) or a registration in this TU (cfg.EvtIoRead = F,
//      WDF_DPC_CONFIG_INIT(&c, F), ...), from rules/roles.def; a queue (or
//      device, or timer) created with ExecutionLevel = WdfExecutionLevelPassive
//      narrows its callbacks to PASSIVE_LEVEL;
//   3. DriverEntry: PASSIVE_LEVEL;
//   4. otherwise unknown.
//
// The annotations a function gets through its role typedef define the role's
// range; they are not "annotations on the function".
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_IRQLENTRY_H
#define WDFCHECK_IRQLENTRY_H

#include "wdfrules.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
class TranslationUnitDecl;
} // namespace clang

namespace wdfcheck {

// IRQL values are the table's: PASSIVE 0, APC 1, DISPATCH 2, DIRQL 3 (any
// device level), HIGH 15.
struct IrqlRange {
  int Min = WDF_IRQL_PASSIVE;
  int Max = WDF_IRQL_HIGH;
};

// The IRQL annotations written on a function's own declarations, merged over
// its redeclarations.  Unset fields were not written.
struct SalIrql {
  std::optional<int> RequiresMin, RequiresMax; // _IRQL_requires_ sets both
  std::optional<int> Raises;                   // _IRQL_raises_(x)
  bool RequiresSame = false;                   // _IRQL_requires_same_
  int SavesParam = -1;    // index of the parameter marked _IRQL_saves_
  int RestoresParam = -1; // index of the parameter marked _IRQL_restores_
  clang::SourceLocation Where; // the first annotation, for notes

  bool hasLimits() const { return RequiresMin || RequiresMax; }
  IrqlRange range() const {
    return {RequiresMin.value_or(WDF_IRQL_PASSIVE),
            RequiresMax.value_or(WDF_IRQL_HIGH)};
  }
};

enum class EntrySource { Unknown, Sal, Role, DriverEntry };

struct EntryIrql {
  EntrySource Source = EntrySource::Unknown;
  IrqlRange Range;
  // For Source == Role: the role type (EVT_WDF_IO_QUEUE_IO_READ) and the
  // name messages use for it (EvtIoRead, the config field of roles.def).
  // A function registered for several roles gets the union of their ranges
  // and the name of the role that allows the highest IRQL.
  std::string RoleType, RoleName;
  // The role's range was narrowed to PASSIVE_LEVEL by an execution level.
  bool PassiveExecution = false;
  // Where the source was found: the annotation, the role-type declaration
  // or the registration; invalid for DriverEntry.
  clang::SourceLocation Where;

  bool known() const { return Source != EntrySource::Unknown; }
};

class IrqlEntryIndex {
public:
  IrqlEntryIndex();
  ~IrqlEntryIndex();

  // The pre-pass: records role registrations, role-type declarations and
  // execution levels of the whole TU.  PP may be null (then the documented
  // values of PASSIVE_LEVEL & co. are used to evaluate annotations).
  void build(const clang::TranslationUnitDecl *TU, clang::ASTContext &Ctx,
             const clang::Preprocessor *PP);

  // The entry IRQL of a function analysed as a top-level function.
  EntryIrql entryOf(const clang::FunctionDecl *FD) const;

  // The SAL IRQL annotations on FD's own declarations; nullptr when it has
  // none.  Computed on first use and cached.
  const SalIrql *salOf(const clang::FunctionDecl *FD) const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

// "PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL", "DIRQL", "HIGH_LEVEL".
const char *irqlName(int Irql);

} // namespace wdfcheck

#endif
