//===- IrqlModel.h - the IRQL on a path, shared by WM001 and WM008 --------===//
//
// The hidden checker wdf.IrqlModel keeps the IRQL of the path in the program
// state and claims the IRQL DDIs of rules/irql.def in evalCall:
//
//   entry        at the top-level function, a fresh symbol constrained to the
//                entry range of IrqlEntryIndex (SAL, role, DriverEntry); a
//                function whose entry IRQL is unknown has no IRQL until it
//                raises it itself, and nothing that depends on it is reported
//   KeGetCurrentIrql()   evaluates to the tracked IRQL, so guards constrain it
//   raise/lower  KeRaiseIrql, spin locks, fast mutexes, interrupt locks: the
//                new level; the old one flows through the out-parameter, the
//                return value or the lock (KeReleaseSpinLock(l, old) restores)
//   SAL effects  _IRQL_raises_ / _IRQL_saves_ / _IRQL_restores_ of a callee
//                whose body is not analysed
//   memory       the claimed DDIs change only the IRQL and their out-values;
//                for everything else they are unknown calls (what the
//                arguments reach and the globals are invalidated), so state
//                a lock guards is re-read and paths merge as without wdf
//
// A level the model cannot place (lowered to a value it did not hand out) makes
// the IRQL unknown again: precision over recall.  The reporting checkers ask
// "can the IRQL be above L here?" through this class, and get the reason for
// their message ("EvtIoRead callbacks can run at DISPATCH_LEVEL", "the IRQL
// was raised to DISPATCH_LEVEL by WdfSpinLockAcquire").
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_LIB_IRQLMODEL_H
#define WDFCHECK_LIB_IRQLMODEL_H

#include "Ddi.h"
#include "IrqlEntry.h"

#include "clang/StaticAnalyzer/Core/Checker.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

#include <optional>
#include <string>

namespace wdfcheck {

// What an IRQL DDI does (rules/irql.def).
struct IrqlOp {
  // Named as in rules/irql.def.
  enum Kind { GET, RAISE, LOWER, ACQUIRE, RELEASE } K;
  const char *Name;
  int Level;    // WDF_IRQL_NONE when LevelArg gives it
  int LevelArg; // -1 when none
  int SaveArg;  // -1 none, -2 the return value
  int KeyArg;   // -1 none
};

class IrqlModel
    : public clang::ento::Checker<
          clang::ento::check::ASTDecl<clang::TranslationUnitDecl>,
          clang::ento::check::BeginFunction, clang::ento::eval::Call,
          clang::ento::check::PostCall, clang::ento::check::LiveSymbols> {
public:
  IrqlModel();

  void checkASTDecl(const clang::TranslationUnitDecl *TU,
                    clang::ento::AnalysisManager &Mgr,
                    clang::ento::BugReporter &BR) const;
  void checkBeginFunction(clang::ento::CheckerContext &C) const;
  bool evalCall(const clang::ento::CallEvent &Call,
                clang::ento::CheckerContext &C) const;
  void checkPostCall(const clang::ento::CallEvent &Call,
                     clang::ento::CheckerContext &C) const;
  void checkLiveSymbols(clang::ento::ProgramStateRef State,
                        clang::ento::SymbolReaper &SR) const;
  void printState(llvm::raw_ostream &Out, clang::ento::ProgramStateRef State,
                  const char *NL, const char *Sep) const override;

  // --- for the reporting checkers -----------------------------------------

  const IrqlEntryIndex &index() const { return Index; }

  // Set by wdfcheck, which shows only wdf findings: top-level functions that
  // cannot lead to one end at their entry (IrqlEntryIndex::mayMatter).  The
  // plugin keeps them, for the other checkers' findings.
  bool SkipUnrelated = false;
  // Option FunctionShard: explore only part ShardIndex of ShardCount of the
  // top-level functions (0 parts: all).
  unsigned ShardIndex = 0, ShardCount = 0;
  // Reads the registrations the driver's other files make (wdfcheck --ctu's
  // roles.txt, option DriverRoles); false when the file cannot be read.
  bool loadDriverRoles(llvm::StringRef Path);

  // The IRQL on this path, or nullopt when unknown.
  static std::optional<clang::ento::NonLoc>
  current(clang::ento::ProgramStateRef State);

  // When the IRQL can be above Limit here: the highest level it can have.
  std::optional<int> highestAbove(clang::ento::CheckerContext &C,
                                  int Limit) const;
  // When the IRQL can be below Limit here: the lowest level it can have.
  std::optional<int> lowestBelow(clang::ento::CheckerContext &C,
                                 int Limit) const;

  // Why the IRQL can be Level here, for a message: "EvtIoRead callbacks can
  // run at DISPATCH_LEVEL", "the IRQL was raised to DISPATCH_LEVEL by
  // WdfSpinLockAcquire".  Raised: Level is too high (else too low).
  std::string why(clang::ento::CheckerContext &C, int Level,
                  bool Raised) const;

  // How to fix a call the IRQL is too high for, or assert that it is not,
  // for the end of a message: "set WdfExecutionLevelPassive on the queue,
  // defer to a work item, or, if only PASSIVE_LEVEL callers reach it, say so
  // with PAGED_CODE()", "move the call before WdfSpinLockAcquire or after
  // the IRQL is lowered again".
  std::string remedy(clang::ento::CheckerContext &C) const;

  // The entry IRQL recorded for the current stack frame (the top-level
  // function, or an inlined callee with IRQL annotations), if any.
  static std::optional<clang::ento::SVal>
  frameEntry(clang::ento::ProgramStateRef State,
             const clang::StackFrameContext *Frame);

  // How the top-level function of a path whose entry IRQL is unknown ends:
  // back at its entry IRQL (every raise and lock undone), or at a known
  // level it set.  nullopt when the entry is known or the exit unknown.
  struct Exit {
    bool AtEntry;
    int Level; // when !AtEntry
  };
  static std::optional<Exit> topExit(clang::ento::ProgramStateRef State);
  // Whether V is the symbol standing for an unknown entry IRQL.
  static bool isUnknownEntry(clang::ento::ProgramStateRef State,
                             clang::ento::SVal V);

  // What an IRQL DDI of rules/irql.def does, for a call of one; else null.
  const IrqlOp *irqlOp(const clang::ento::CallEvent &Call) const {
    return matchOp(Call);
  }

  // Whether a report belongs to an IRQL checker (for note tags).
  static bool isIrqlReport(const clang::ento::PathSensitiveBugReport &R);

private:
  // This part's top-level functions (ShardCount > 1), and all that were
  // dealt out: a function outside the deal is the first part's.
  mutable llvm::DenseSet<const clang::Decl *> ShardMine, ShardDealt;
  void dealFunctions(const clang::TranslationUnitDecl *TU,
                     const clang::SourceManager &SM) const;
  bool inOtherShard(const clang::FunctionDecl *FD) const;

  mutable IrqlEntryIndex Index;
  mutable llvm::StringSet<> Elsewhere; // CTU: defined in other files
  DriverRoles Driver; // CTU: registrations the driver's other files make
  CalleeMap<IrqlOp> Ops;
  DdiMatcher Ddis;

  const IrqlOp *matchOp(const clang::ento::CallEvent &Call) const;
  clang::ento::ProgramStateRef
  setIrql(clang::ento::ProgramStateRef State, clang::ento::SVal Level,
          const clang::Decl *SetBy, clang::ento::CheckerContext &C) const;
  std::optional<clang::ento::SVal>
  acceptLevel(clang::ento::ProgramStateRef State, clang::ento::SVal V,
              clang::ento::CheckerContext &C) const;
  void applySalEffects(const clang::ento::CallEvent &Call,
                       clang::ento::CheckerContext &C) const;
  void forgetReturnedFrames(clang::ento::CheckerContext &C) const;
};

} // namespace wdfcheck

#endif
