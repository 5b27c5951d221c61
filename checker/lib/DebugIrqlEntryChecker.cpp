//===- DebugIrqlEntryChecker.cpp - debug.wdf.IrqlEntry --------------------===//
//
// A debugging aid for the tests of the IRQL pre-pass (IrqlEntry.h): it builds
// its own IrqlEntryIndex when the analyzer hands it the translation unit
// (before any function is analysed, as the IRQL model does), then reports,
// at the name of every function defined in the main file, the entry IRQL the
// index gives it and where that comes from:
//
//   entry IRQL PASSIVE_LEVEL..DISPATCH_LEVEL from role
//       EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)
//   entry IRQL PASSIVE_LEVEL from role EVT_WDF_IO_QUEUE_IO_READ (EvtIoRead)
//       narrowed by passive execution level
//   entry IRQL APC_LEVEL from SAL; SAL raises DISPATCH_LEVEL; saves param 0
//   entry IRQL PASSIVE_LEVEL from DriverEntry
//   entry IRQL unknown
//
// so a test states the whole result of the pre-pass with -verify.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlEntry.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class DebugIrqlEntryChecker
    : public Checker<check::ASTDecl<TranslationUnitDecl>, check::ASTCodeBody> {
public:
  void checkASTDecl(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                    BugReporter &BR) const;
  void checkASTCodeBody(const Decl *D, AnalysisManager &Mgr,
                        BugReporter &BR) const;

private:
  // Built once per translation unit, before the bodies are visited.
  mutable IrqlEntryIndex Index;
};

void DebugIrqlEntryChecker::checkASTDecl(const TranslationUnitDecl *TU,
                                         AnalysisManager &Mgr,
                                         BugReporter &) const {
  Index.build(TU, Mgr.getASTContext(), &Mgr.getPreprocessor());
}

const char *narrowingText(RoleNarrowing N) {
  switch (N) {
  case RoleNarrowing::PassiveExecution:
    return " narrowed by passive execution level";
  case RoleNarrowing::CallbackLock:
    return " narrowed by the callback lock";
  case RoleNarrowing::PassiveObject:
    return " narrowed by its object";
  case RoleNarrowing::PassiveHandling:
    return " narrowed by passive handling";
  case RoleNarrowing::None:
    break;
  }
  return "";
}

std::string describeSource(const EntryIrql &E) {
  std::string Out;
  switch (E.Source) {
  case EntrySource::Sal:
    Out = "SAL";
    break;
  case EntrySource::Pageable:
    Out = std::string("pageable (") + pageableNoun(E.Pageable) + ")";
    break;
  case EntrySource::Role:
    Out = "role " + E.RoleType + " (" + E.RoleName + ")" +
          narrowingText(E.Narrowing);
    break;
  case EntrySource::DriverEntry:
    Out = driverEntryName().str();
    break;
  case EntrySource::Unknown:
    return Out;
  }
  if (E.Source == EntrySource::Role || E.Source == EntrySource::DriverEntry) {
    if (E.Conflict)
      Out += std::string("; contradicts ") +
             (E.SalConflict ? "its SAL annotation" : pageableNoun(E.Pageable));
    else if (E.BySal)
      Out += "; narrowed by SAL";
    if (!E.Conflict && E.Pageable != PageableBy::None)
      Out += std::string("; narrowed by ") + pageableNoun(E.Pageable);
  } else if (E.Source == EntrySource::Sal && E.Pageable != PageableBy::None) {
    Out += std::string("; pageable (") + pageableNoun(E.Pageable) + ")";
  }
  return Out;
}

// "; SAL raises X; saves param i; restores param j; requires same".
std::string describeSalEffects(const SalIrql &Sal) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (Sal.Raises)
    OS << "; SAL raises " << irqlName(*Sal.Raises);
  if (Sal.SavesParam >= 0)
    OS << "; saves param " << Sal.SavesParam;
  if (Sal.RestoresParam >= 0)
    OS << "; restores param " << Sal.RestoresParam;
  if (Sal.RequiresSame)
    OS << "; requires same";
  return Out;
}

void DebugIrqlEntryChecker::checkASTCodeBody(const Decl *D,
                                             AnalysisManager &Mgr,
                                             BugReporter &BR) const {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  const SourceManager &SM = Mgr.getSourceManager();
  if (!FD || !FD->doesThisDeclarationHaveABody() ||
      !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
    return;
  EntryIrql E = Index.entryOf(FD);
  std::string Msg = E.known() ? "entry IRQL " + E.Levels.text() +
                                    " from " + describeSource(E)
                              : "entry IRQL unknown";
  if (const SalIrql *Sal = Index.salOf(FD))
    Msg += describeSalEffects(*Sal);
  BR.EmitBasicReport(FD, this, "IRQL entry", "debug", Msg,
                     PathDiagnosticLocation(FD->getLocation(), SM));
}

} // namespace

void registerIrqlEntryChecker(CheckerManager &Mgr) {
  Mgr.registerChecker<DebugIrqlEntryChecker>();
}

bool shouldRegisterIrqlEntryChecker(const CheckerManager &) { return true; }

} // namespace wdfcheck
