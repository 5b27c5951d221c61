//===- Support.cpp - small helpers shared by the models and the rules ----===//
#include "Support.h"

#include "wdfcheck/Deal.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"

using namespace clang;
using namespace clang::ento;

namespace wdfcheck {

const void *keyOf(SVal V) {
  if (SymbolRef S = V.getAsSymbol())
    return S;
  if (const MemRegion *R = V.getAsRegion())
    return R->StripCasts();
  return nullptr;
}

const VarDecl *localVariableOf(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasLocalStorage())
        return V;
  return nullptr;
}

std::optional<FixItHint> insertStatement(const Stmt *Call, StringRef Text,
                                         InsertAt Where, const ParentMap &PM,
                                         const SourceManager &SM,
                                         const LangOptions &LO) {
  // The statement of the enclosing block that holds the call.
  const Stmt *S = Call;
  const Stmt *Parent = PM.getParent(S);
  while (Parent && !isa<CompoundStmt>(Parent)) {
    S = Parent;
    Parent = PM.getParent(S);
  }
  auto indent = [&] {
    unsigned Column = SM.getSpellingColumnNumber(S->getBeginLoc());
    return std::string(Column > 0 ? Column - 1 : 0, ' ');
  };

  if (Where == InsertAt::Before) {
    SourceLocation Begin = S->getBeginLoc();
    if (!Begin.isFileID())
      return std::nullopt;
    return FixItHint::CreateInsertion(Begin, (Text + "\n" + indent()).str());
  }

  // After the statement, or after the status check that follows it.
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent);
  if (!Block)
    return std::nullopt;
  const Stmt *After = S;
  if (!isa<IfStmt>(S)) {
    auto It = llvm::find(Block->body(), S);
    if (It != Block->body_end() && std::next(It) != Block->body_end() &&
        isa<IfStmt>(*std::next(It)))
      After = *std::next(It);
  }
  SourceLocation End = After->getEndLoc();
  if (!End.isFileID())
    return std::nullopt;
  SourceLocation Insert = Lexer::getLocForEndOfToken(End, 0, SM, LO);
  Token Last;
  if (Lexer::getRawToken(End, Last, SM, LO))
    return std::nullopt;
  if (Last.isNot(tok::r_brace)) {
    // Past the statement's semicolon.
    std::optional<Token> Semi = Lexer::findNextToken(End, SM, LO);
    if (!Semi || Semi->isNot(tok::semi))
      return std::nullopt;
    Insert = Semi->getEndLoc();
  }
  return FixItHint::CreateInsertion(Insert, ("\n" + indent() + Text).str());
}

// The non-paged spelling of a paged pool type or flag.
static std::optional<StringRef> nonPagedSpelling(StringRef Paged) {
  if (Paged == "PagedPool")
    return StringRef("NonPagedPoolNx");
  if (Paged == "PagedPoolCacheAligned")
    return StringRef("NonPagedPoolNxCacheAligned");
  if (Paged == "POOL_FLAG_PAGED")
    return StringRef("POOL_FLAG_NON_PAGED");
  return std::nullopt;
}

std::optional<FixItHint> nonPagedPoolFixIt(const Expr *E,
                                           const SourceManager &SM,
                                           const LangOptions &LO) {
  if (!E)
    return std::nullopt;
  // A macro's expansion covers the whole argument, parentheses included.
  SourceRange Range = E->IgnoreImpCasts()->getSourceRange();
  E = E->IgnoreParenImpCasts();
  StringRef Spelling;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    Range = DRE->getSourceRange();
    if (!Range.getBegin().isFileID())
      return std::nullopt;
    Spelling = DRE->getDecl()->getName();
  } else if (Range.getBegin().isMacroID() &&
             Lexer::isAtStartOfMacroExpansion(Range.getBegin(), SM, LO) &&
             Lexer::isAtEndOfMacroExpansion(Range.getEnd(), SM, LO)) {
    Spelling = Lexer::getImmediateMacroName(Range.getBegin(), SM, LO);
    Range = SM.getExpansionRange(Range).getAsRange();
    if (!Range.getBegin().isFileID())
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  std::optional<StringRef> Replacement = nonPagedSpelling(Spelling);
  if (!Replacement)
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Range),
                                      *Replacement);
}

std::vector<unsigned>
dealBySize(const std::vector<uint64_t> &Sizes, unsigned Parts,
           llvm::function_ref<bool(size_t, size_t)> Before) {
  std::vector<size_t> Order(Sizes.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return Sizes[A] != Sizes[B] ? Sizes[A] > Sizes[B] : Before(A, B);
  });
  std::vector<uint64_t> Load(Parts, 0);
  std::vector<unsigned> PartOf(Sizes.size(), 0);
  for (size_t Item : Order) {
    unsigned Least = 0;
    for (unsigned P = 1; P < Parts; ++P)
      if (Load[P] < Load[Least])
        Least = P;
    Load[Least] += Sizes[Item] + 1; // +1: empty items spread too
    PartOf[Item] = Least;
  }
  return PartOf;
}

} // namespace wdfcheck
