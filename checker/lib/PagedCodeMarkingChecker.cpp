//===- PagedCodeMarkingChecker.cpp - WM012 wdf.PagedCodeMarking -----------===//
//
// The two halves of a pageable function's marking must agree (PREfast's
// C28170 and C28172):
//
//   - a function placed in a PAGE section (alloc_text or code_seg) states
//     PAGED_CODE() (or PAGED_CODE_LOCKED()): without it, checked builds and
//     Driver Verifier cannot catch it being called above APC_LEVEL, and the
//     crash waits for the day its page is out;
//   - PAGED_CODE() (or PAGED_CODE_LOCKED()) sits only in a function placed
//     in a PAGE section: elsewhere the function stays resident, and the
//     assertion misleads readers and tools about where it may run.
//
// Without Microsoft extensions clang ignores #pragma alloc_text and
// code_seg, so a function's section is unknown: PAGED_CODE() outside one is
// then not reported.
//
// The question here is the section alone, though PAGED_CODE() by itself
// makes a function pageable for the IRQL readings (IrqlEntryIndex).  An
// AST check over the main file's function definitions, at each function's
// name; a note, not a defect.
//
//===----------------------------------------------------------------------===//
#include "Checkers.h"
#include "IrqlEntry.h"
#include "Support.h"
#include "wdfcheck/Catalog.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMap.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {
namespace {

class PagedCodeMarkingChecker
    : public Checker<check::EndOfTranslationUnit> {
public:
  void checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                 AnalysisManager &Mgr, BugReporter &BR) const;

  bool ShowFixIts = false;

private:
  const BugType Bug = ruleBug(this, WDF_RULE_WM012);
  // Only its marking queries, which need no pre-pass.
  mutable IrqlEntryIndex Index;

  void checkFunction(const FunctionDecl *FD, AnalysisManager &Mgr,
                     BugReporter &BR) const;
};

// Whether FD is placed in a section of its own other than PAGE (INIT, which
// is discarded after DriverEntry and runs at PASSIVE_LEVEL only):
// PAGED_CODE() there is no contradiction worth a finding.
bool inOtherSection(const FunctionDecl *FD) {
  for (const FunctionDecl *D : FD->redecls())
    if (D->hasAttr<SectionAttr>() || D->hasAttr<CodeSegAttr>())
      return true;
  return false;
}

void PagedCodeMarkingChecker::checkFunction(const FunctionDecl *FD,
                                            AnalysisManager &Mgr,
                                            BugReporter &BR) const {
  const SourceManager &SM = Mgr.getSourceManager();
  if (!FD->doesThisDeclarationHaveABody() || FD->isImplicit() ||
      FD->getLocation().isMacroID() || !SM.isInMainFile(FD->getLocation()))
    return;
  bool Paged = Index.inPageSection(FD);
  PagedMarks Marks = Index.pagedMarksOf(FD);
  bool Marked = Marks.PagedCode.isValid() || Marks.PagedCodeLocked.isValid();
  std::string Msg;
  llvm::SmallVector<FixItHint, 1> Fixes;
  if (Paged && !Marked && ShowFixIts)
    // PAGED_CODE(); on a line of its own before the first statement.
    if (const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
        Body && !Body->body_empty()) {
      ParentMap PM(const_cast<CompoundStmt *>(Body));
      if (std::optional<FixItHint> Fix =
              insertStatement(Body->body_front(), "PAGED_CODE();",
                              InsertAt::Before, PM, SM,
                              FD->getASTContext().getLangOpts()))
        Fixes.push_back(*Fix);
    }
  if (Paged && !Marked)
    Msg = llvm::formatv(
        "'{0}' is in a PAGE section but does not state PAGED_CODE(): checked "
        "builds and Driver Verifier cannot catch it being called above "
        "APC_LEVEL; add PAGED_CODE() as its first statement",
        FD->getName());
  else if (!Paged && Marked && !inOtherSection(FD) &&
           FD->getASTContext().getLangOpts().MicrosoftExt)
    Msg = llvm::formatv(
        "'{0}' states {1} but is not in a PAGE section: it stays resident, "
        "and the assertion misleads about where it may run; place it in the "
        "section (#pragma alloc_text(PAGE, {0})) or remove {1}",
        FD->getName(),
        Marks.PagedCode.isValid() ? "PAGED_CODE()" : "PAGED_CODE_LOCKED()");
  if (Msg.empty())
    return;
  BR.EmitBasicReport(FD, this, Bug.getDescription(), Bug.getCategory(), Msg,
                     PathDiagnosticLocation(FD->getLocation(), SM),
                     std::nullopt, Fixes);
}

void PagedCodeMarkingChecker::checkEndOfTranslationUnit(
    const TranslationUnitDecl *TU, AnalysisManager &Mgr,
    BugReporter &BR) const {
  llvm::SmallVector<const DeclContext *, 8> Work{TU};
  while (!Work.empty()) {
    const DeclContext *DC = Work.pop_back_val();
    for (const Decl *D : DC->decls()) {
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
        D = FT->getTemplatedDecl();
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (FD->getIdentifier())
          checkFunction(FD, Mgr, BR);
        continue;
      }
      if (isa<NamespaceDecl, LinkageSpecDecl, CXXRecordDecl>(D))
        Work.push_back(cast<DeclContext>(D));
    }
  }
}

} // namespace

void registerPagedCodeMarkingChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<PagedCodeMarkingChecker>();
  Checker->ShowFixIts = Mgr.getAnalyzerOptions().getCheckerBooleanOption(
      Checker, ShowFixItsOption);
}

bool shouldRegisterPagedCodeMarkingChecker(const CheckerManager &) {
  return true;
}

} // namespace wdfcheck
