//===- Support.h - small helpers shared by the models and the rules ------===//
//
// What several checkers need in the same form: the key a handle or lock
// argument is remembered under, and the fix-it that inserts a statement on
// its own line next to the statement holding a call.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_LIB_SUPPORT_H
#define WDFCHECK_LIB_SUPPORT_H

#include "clang/Basic/Diagnostic.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace clang {
class LangOptions;
class ParentMap;
class SourceManager;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace wdfcheck {

// A handle, lock or in-stack queue handle argument as a key of a state map:
// its symbol (a handle however the analyzer spells its value), else the
// region it points to without casts; null for anything else.
const void *keyOf(clang::ento::SVal V);

// The local variable (automatic storage, parameters included) an
// expression names, parentheses and casts aside; null for anything else.
const clang::VarDecl *localVariableOf(const clang::Expr *E);

// Where insertStatement puts the new statement.
enum class InsertAt {
  Before,           // on the line before the statement holding the call
  AfterStatusCheck, // on the line after it, or after the `if` that follows
                    // it (the status check: on failure the call's outputs
                    // are NULL)
};

// A fix-it inserting Text (a whole statement) on a line of its own next to
// the statement of the enclosing block that holds Call (PM: the parent map
// of the function holding Call), indented as that statement.  None where
// that place is not plain source text (inside a macro).
std::optional<clang::FixItHint>
insertStatement(const clang::Stmt *Call, llvm::StringRef Text, InsertAt Where,
                const clang::ParentMap &PM, const clang::SourceManager &SM,
                const clang::LangOptions &LO);

// The fix-it that makes a paged pool argument non-paged where it is written
// as the enumerator or flag macro itself: PagedPool -> NonPagedPoolNx,
// PagedPoolCacheAligned -> NonPagedPoolNxCacheAligned, POOL_FLAG_PAGED ->
// POOL_FLAG_NON_PAGED.  Shared by WM001 (at the allocation) and WM010 (at a
// touch, fixing the allocation).  None for any other spelling.
std::optional<clang::FixItHint>
nonPagedPoolFixIt(const clang::Expr *PoolArg, const clang::SourceManager &SM,
                  const clang::LangOptions &LO);

} // namespace wdfcheck

#endif
