//===- Ddi.h - the DDI table for the checkers ----------------------------===//
//
// rules/ddis.def turned into a CallDescriptionMap.  A call matches a row when
// the callee has the DDI's name and parameter count and its parameters have
// the kinds the row claims (a pointer where an out-handle goes, an integer
// where the size goes): a user function that merely shares a DDI's name is
// not a DDI.  The WDK's FORCEINLINE wrappers have the DDI's public name and
// signature, so they match as the plain prototypes do.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_DDI_H
#define WDFCHECK_DDI_H

#include "wdfrules.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "llvm/ADT/DenseMap.h"

#include <utility>

namespace clang {
class Decl;
class FunctionDecl;
namespace ento {
class CallEvent;
}
} // namespace clang

namespace wdfcheck {

struct DdiInfo {
  wdf_ddi_id Id;
  const char *Name;
  unsigned Params;
  wdf_family Family;
  int MinIrql, MaxIrql, PagedMaxIrql;
  int PoolArg;
  wdf_pool_kind PoolKind;
  int TagArg, SizeArg, AttrArg, HandleArg, OutArg, OutBufArg, BufArg;
  int MinimumArg, LengthArg, SizeOutArg, ConfigArg;
  wdf_creates Creates;
  // WDF_DDI_ZERO_TIMEOUT: with a zero timeout, the maximum is this instead.
  int ZeroTimeoutArg = -1, ZeroTimeoutMaxIrql = WDF_IRQL_NONE;
  // WDF_DDI_ZEROES: the memory it returns is zero-filled.
  bool Zeroes = false;

  bool isPoolAllocation() const {
    return Family == WDF_FAMILY_POOL_ALLOC;
  }
  // Whether its pool argument sets an allocation's IRQL limit (WM001's):
  // paged pool has a lower one than non-paged pool.
  bool hasPoolIrqlLimit() const {
    return PoolKind != WDF_POOL_NONE && PagedMaxIrql != WDF_IRQL_NONE;
  }
};

const DdiInfo &ddi(wdf_ddi_id Id);

// Whether a declaration lies in a system header, where no driver code is:
// the walks of a translation unit before any path skip those (the WDK's and
// mingw-w64's headers are most of a driver's translation unit).
bool inSystemHeader(const clang::Decl *D);

// The callee of a call and its number of arguments: all a CallDescription
// looks at (with the callee's parameters), so a table's answer for a call
// can be remembered under it.  Null callee when the call has none (a call
// through an unknown function pointer) or is an Objective-C message.
using CalleeKey = std::pair<const clang::FunctionDecl *, unsigned>;
CalleeKey calleeKey(const clang::ento::CallEvent &Call);

// A CallDescriptionMap that remembers its answer per callee.  Matching a call
// compares it with every row, every checker asks about every call on every
// path, and most calls are not in the tables: without the memo, matching was
// an eighth of the analysis time of call-heavy drivers.  One instance per
// checker, so per analysis (and per thread).
template <typename T> class CalleeMap {
public:
  CalleeMap(std::initializer_list<std::pair<clang::ento::CallDescription, T>> &&List)
      : Map(std::move(List)) {}

  const T *lookup(const clang::ento::CallEvent &Call) const {
    CalleeKey Key = calleeKey(Call);
    if (!Key.first)
      return nullptr;
    auto [It, Inserted] = Memo.try_emplace(Key, nullptr);
    if (Inserted)
      It->second = Map.lookup(Call);
    return It->second;
  }

private:
  clang::ento::CallDescriptionMap<T> Map;
  mutable llvm::DenseMap<CalleeKey, const T *> Memo;
};

class DdiMatcher {
public:
  DdiMatcher();
  // The row for this call, or nullptr.
  const DdiInfo *match(const clang::ento::CallEvent &Call) const;
  // The row for a function declaration (a DDI's FORCEINLINE wrapper being
  // analysed as an inlined frame), or nullptr.
  const DdiInfo *matchDecl(const clang::FunctionDecl *FD) const;

private:
  CalleeMap<const DdiInfo *> Map;
  mutable llvm::DenseMap<const clang::FunctionDecl *, const DdiInfo *> DeclMemo;
};

} // namespace wdfcheck

#endif
