//===- IrqlEntry.h - where a function's entry IRQL comes from --------------===//
//
// The translation-unit pre-pass of the IRQL model.  Before any path is
// explored, the whole TU is visited once to learn each function's entry
// IRQL: the levels its role allows, intersected with what its author
// asserts; the path then changes it (IrqlModel).
//
//   role        its KMDF callback role: a role-type declaration
//               (EVT_WDF_IO_QUEUE_IO_READ F;) or a registration in this TU
//               (cfg.EvtIoRead = F, WDF_DPC_CONFIG_INIT(&c, F), ...), from
//               rules/roles.def.  A role is a set of levels, not an
//               interval: the framework calls an EvtIoRead at PASSIVE_LEVEL
//               or at DISPATCH_LEVEL, never at APC_LEVEL by itself.  The
//               object a registration belongs to narrows it: a passive
//               execution level (PASSIVE_LEVEL), a Device or Queue
//               synchronization scope at dispatch level (DISPATCH_LEVEL:
//               the framework holds its callback spin lock), an object the
//               framework disposes at PASSIVE_LEVEL (its cleanup callback).
//               DriverEntry is PASSIVE_LEVEL.
//   assertions  SAL annotations on the function's own declarations
//               (_IRQL_requires_, _requires_max_, _requires_min_), read back
//               from the source text because sal.h defines them to nothing
//               for clang; and being pageable (#pragma alloc_text(PAGE, f),
//               code_seg("PAGE"), or PAGED_CODE() before the first statement
//               that changes the IRQL), which asserts <= APC_LEVEL.
//
// Entry = role ∩ assertions; a function without a role: its assertions
// alone (pageable code alone: PASSIVE_LEVEL, for APC_LEVEL arises only where
// the path or an annotation puts it); neither: unknown.  When the role and an assertion have no level in
// common the role wins (the framework calls it where the role says), and the
// contradiction is recorded for a finding at the registration.
//
// The annotations a function gets through its role typedef define the role;
// they are not "annotations on the function".
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_IRQLENTRY_H
#define WDFCHECK_IRQLENTRY_H

#include "wdfrules.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// A set of the tables' IRQL levels, one bit each.
class IrqlLevels {
public:
  IrqlLevels() = default;
  static IrqlLevels of(int Level) { return IrqlLevels(bit(Level)); }
  // Every level of the tables from R.Min to R.Max.
  static IrqlLevels in(IrqlRange R);
  static IrqlLevels all() { return in({WDF_IRQL_PASSIVE, WDF_IRQL_HIGH}); }

  bool empty() const { return Bits == 0; }
  bool contains(int Level) const { return (Bits & bit(Level)) != 0; }
  int lowest() const;
  int highest() const;
  IrqlLevels operator&(IrqlLevels O) const { return IrqlLevels(Bits & O.Bits); }
  IrqlLevels operator|(IrqlLevels O) const { return IrqlLevels(Bits | O.Bits); }
  bool operator==(IrqlLevels O) const { return Bits == O.Bits; }
  bool operator!=(IrqlLevels O) const { return Bits != O.Bits; }
  // "PASSIVE_LEVEL", "PASSIVE_LEVEL or DISPATCH_LEVEL", "<= DISPATCH_LEVEL".
  std::string text() const;

  // The bits, for the driver-wide index's file (DriverRoles).
  unsigned raw() const { return Bits; }
  static IrqlLevels fromRaw(unsigned Raw) { return IrqlLevels(Raw & 0x1Fu); }

private:
  explicit IrqlLevels(unsigned Bits) : Bits(Bits) {}
  static unsigned bit(int Level);
  unsigned Bits = 0;
};

// The IRQL annotations written on a function's own declarations, merged over
// its redeclarations.  Unset fields were not written.
struct SalIrql {
  std::optional<int> RequiresMin, RequiresMax; // _IRQL_requires_ sets both
  std::optional<int> Raises;                   // _IRQL_raises_(x)
  bool RequiresSame = false;                   // _IRQL_requires_same_
  int SavesParam = -1;    // index of the parameter marked _IRQL_saves_
  int RestoresParam = -1; // index of the parameter marked _IRQL_restores_
  // _IRQL_saves_global_(Kind, P) / _IRQL_restores_global_(Kind, P): the
  // IRQL is saved with (restored from) the object parameter P points to.
  int SavesGlobalParam = -1;
  int RestoresGlobalParam = -1;
  // _Acquires_lock_, _Releases_lock_, _Requires_lock_held_,
  // _IRQL_saves_global_ / _IRQL_restores_global_ (and their variants): the
  // function means to leave a lock (and the IRQL it raised to) changed.
  bool ChangesLock = false;
  // _IRQL_always_function_max_(x) / _IRQL_always_function_min_(x): the IRQL
  // never goes above (below) x anywhere inside, callees included.
  std::optional<int> AlwaysMax, AlwaysMin;
  clang::SourceLocation Where; // the first annotation, for notes

  bool hasLimits() const { return RequiresMin || RequiresMax; }
  IrqlRange range() const {
    return {RequiresMin.value_or(WDF_IRQL_PASSIVE),
            RequiresMax.value_or(WDF_IRQL_HIGH)};
  }
};

// Why a function is pageable (asserts <= APC_LEVEL).
enum class PageableBy { None, Section, PagedCode };

// Why a function is pageable, for messages: as a noun ("a PAGE section",
// "PAGED_CODE()") and as a clause ("in a PAGE section", "it states
// PAGED_CODE()").  Empty for None.
const char *pageableNoun(PageableBy P);
const char *pageableClause(PageableBy P);

// The PAGED_CODE() and PAGED_CODE_LOCKED() statements among a function's
// top-level statements (invalid: not stated), wherever they stand.
struct PagedMarks {
  clang::SourceLocation PagedCode, PagedCodeLocked;
};

enum class EntrySource { Unknown, Role, Sal, Pageable, DriverEntry };

// What narrowed a role's levels for the registrations of this function.
enum class RoleNarrowing {
  None,
  PassiveExecution, // WdfExecutionLevelPassive on the object or its device
  CallbackLock,     // Device/Queue synchronization scope at dispatch level
  PassiveObject,    // an object the framework disposes at PASSIVE_LEVEL
  PassiveHandling   // an interrupt created with PassiveHandling
};

struct EntryIrql {
  EntrySource Source = EntrySource::Unknown;
  IrqlLevels Levels;
  // For Source == Role: the role type (EVT_WDF_IO_QUEUE_IO_READ), the name
  // messages use for it (EvtIoRead, the config field of roles.def) and the
  // levels the role alone allows.  A function registered for several roles
  // gets the union of their levels and the name of the role that allows the
  // highest IRQL.
  std::string RoleType, RoleName;
  IrqlLevels RoleLevels;
  RoleNarrowing Narrowing = RoleNarrowing::None;
  // What can narrow the role (roles.def's Narrowing), for the remedies a
  // message suggests: a passive execution level on the queue, the timer or
  // the object.
  wdf_narrowing Narrowable = WDF_NARROW_NONE;
  // The author's assertions that narrowed the role's levels (or, without a
  // role, are the source).
  bool BySal = false;
  PageableBy Pageable = PageableBy::None;
  // The role and the assertions have no level in common: the role's levels
  // are kept.
  bool Conflict = false;
  bool SalConflict = false; // the SAL annotation alone contradicts the role
  // Where the source was found: the annotation, the role-type declaration
  // or the registration; invalid for DriverEntry.
  clang::SourceLocation Where;

  bool known() const { return Source != EntrySource::Unknown; }
};

// DriverEntry: the name the DRIVER_INITIALIZE row of roles.def gives (the
// kernel finds the function by it), and whether FD is that function, with
// its two parameters.
llvm::StringRef driverEntryName();
bool isDriverEntry(const clang::FunctionDecl *FD);

// A function's registrations for one role as the whole driver knows them
// (wdfcheck --ctu): a callback registered in device.c and defined in
// queue.c.  Levels: the union over its registrations; Narrowing: the one
// they all share, or None.
struct RoleFact {
  std::string RoleType; // the roles.def type: EVT_WDF_IO_QUEUE_IO_READ
  IrqlLevels Levels;
  RoleNarrowing Narrowing = RoleNarrowing::None;
};
// The driver's role facts by function lookup name (CTU's USR).
using DriverRoles = llvm::StringMap<std::vector<RoleFact>>;
// Adds one registration to Roles, joining it with what is there.
void addRoleFact(DriverRoles &Roles, llvm::StringRef Function,
                 const RoleFact &Fact);
// The text form (one registration a line) and back; false for text that is
// not such a file.
std::string writeDriverRoles(const DriverRoles &Roles);
bool readDriverRoles(llvm::StringRef Text, DriverRoles &Roles);

class IrqlEntryIndex {
public:
  IrqlEntryIndex();
  ~IrqlEntryIndex();

  // The pre-pass: records role registrations, role-type declarations and
  // execution levels of the whole TU.  PP may be null (then the documented
  // values of PASSIVE_LEVEL & co. are used to evaluate annotations).
  // Elsewhere, when not null, holds the lookup names (CTU's USRs) of the
  // functions defined in the driver's other files: a call to one of them may
  // lead to a finding, for the analysis follows it there.
  // Driver, when not null, holds the registrations the driver's other files
  // make: a function defined here gets the roles they give it, as if the
  // registrations were in this file.
  void build(const clang::TranslationUnitDecl *TU, clang::ASTContext &Ctx,
             const clang::Preprocessor *PP,
             const llvm::StringSet<> *Elsewhere = nullptr,
             const DriverRoles *Driver = nullptr);

  // This file's registrations (not the role-type declarations), by
  // function, for the driver-wide index.
  std::vector<std::pair<const clang::FunctionDecl *, RoleFact>>
  registrations() const;

  // The entry IRQL of a function analysed as a top-level function.
  EntryIrql entryOf(const clang::FunctionDecl *FD) const;

  // The SAL IRQL annotations on FD's own declarations; nullptr when it has
  // none.  Computed on first use and cached.
  const SalIrql *salOf(const clang::FunctionDecl *FD) const;

  // Whether FD is pageable, and why: named in #pragma alloc_text(PAGE..., f),
  // declared __declspec(code_seg("PAGE...")), defined in a #pragma
  // code_seg("PAGE...") region, or stating PAGED_CODE() before its first
  // statement that changes the IRQL.  Cached.
  PageableBy pageableOf(const clang::FunctionDecl *FD) const;
  // Whether FD is placed in a PAGE... section (alloc_text or code_seg): the
  // section part of pageableOf, which WM012 compares with PAGED_CODE().
  bool inPageSection(const clang::FunctionDecl *FD) const;
  // Where FD's definition states PAGED_CODE() and PAGED_CODE_LOCKED().
  PagedMarks pagedMarksOf(const clang::FunctionDecl *FD) const;

  // Whether analysing FD as a top-level function can lead to a wdf finding:
  // it, or a function of this TU it calls (transitively), calls a DDI of
  // rules/ddis.def or a function of the driver's other files (build's
  // Elsewhere), or calls a function with SAL IRQL annotations while its
  // own entry IRQL is known.  Every finding needs one of these.  A call
  // through a pointer counts as a DDI call; C++ always matters (constructors
  // and destructors run where no call is written).  Cached.
  bool mayMatter(const clang::FunctionDecl *FD) const;

  // The functions whose role and assertions contradict each other, with the
  // registration (or role declaration) that gives them the role, in source
  // order.
  struct Contradiction {
    const clang::FunctionDecl *Function;
    EntryIrql Entry;
  };
  std::vector<Contradiction> contradictions() const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

// "PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL", "DIRQL", "HIGH_LEVEL".
const char *irqlName(int Irql);

// A raw IRQL value as one of the tables' levels: 0, 1 and 2 stay, any device
// level is DIRQL, 15 and above HIGH.
int normalizeIrql(unsigned long long Value);

} // namespace wdfcheck

#endif
