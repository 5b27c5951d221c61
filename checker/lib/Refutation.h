//===- Refutation.h - every wdf report, and its path refuted with Z3 ------===//
//
// The range solver keeps paths that cannot happen (it does not relate
// len / 16 to len, nor bit operations to their operands), and a report on
// such a path is a false alarm.  wdfcheck asks Z3 whether each reported
// path's constraints can all hold, and drops the report when they cannot.
//
// Clang's own cross-check (-analyzer-config crosscheck-with-z3) gives Z3
// the constraints in the order of their symbols' addresses in memory, which
// change with the heap's layout from run to run; Z3's effort depends on
// that order, and a query near its resource limit was answered on one run
// and abandoned on the next, its report with it.  Here the constraints go
// to Z3 in the order the symbols were made, so a file gets the same
// findings on every run, and a query Z3 cannot finish within its limit
// keeps its report: only a path proved impossible is dropped.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_LIB_REFUTATION_H
#define WDFCHECK_LIB_REFUTATION_H

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "llvm/ADT/StringRef.h"

#include <memory>

namespace wdfcheck {

// A report on the path ending at N, as every wdf checker makes one.  When
// the analysis runs with wdf.IrqlModel:Refute (wdfcheck sets it), its path
// is checked with Z3 before it is shown.
std::unique_ptr<clang::ento::PathSensitiveBugReport>
makeReport(const clang::ento::BugType &Bug, llvm::StringRef Message,
           const clang::ento::ExplodedNode *N);

// The same, uniqued by UniqueAt and UniqueIn instead of N's location (a
// leak, reported where its handle was made).
std::unique_ptr<clang::ento::PathSensitiveBugReport>
makeReport(const clang::ento::BugType &Bug, llvm::StringRef Message,
           const clang::ento::ExplodedNode *N,
           clang::ento::PathDiagnosticLocation UniqueAt,
           const clang::Decl *UniqueIn);

} // namespace wdfcheck

#endif
