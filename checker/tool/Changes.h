//===- Changes.h - --changed-since: what a change introduced --------------===//
//
// A pull request's check: analyse only the database's files a change
// touches, and report only the findings the same files did not have at the
// base revision.
//
//   files     the files `git diff <rev>` names (committed and uncommitted
//             changes alike), the database's files that #include a changed
//             header, and with --ctu the files that call a function a
//             changed file defines (their paths reach into it)
//   the base  the same files' findings at <rev>: from --baseline when given
//             (the main branch's SARIF artifact), else from an analysis of
//             a temporary checkout of <rev> (git worktree, removed after)
//             with the database's commands pointed at it
//
// Compared by fingerprint (Baseline.h), so a bug made by deleting a line
// (a removed RtlZeroMemory) is new though no line that survives changed.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_CHANGES_H
#define WDFCHECK_TOOL_CHANGES_H

#include "Ctu.h"
#include "clang/Tooling/CompilationDatabase.h"

#include <memory>
#include <string>
#include <vector>

namespace wdfcheck {

struct ChangeSet {
  std::string Root;               // the repository's top directory
  std::string Commit;             // the base revision, resolved
  std::vector<std::string> Files; // changed files, absolute
};

// The files changed since Rev in the repository holding Dir; false with
// Error set when there is no git, no repository or no such revision.
bool changesSince(const std::string &Rev, const std::string &Dir,
                  ChangeSet &Out, std::string &Error);

// The database files to analyse for the change (see above); Ctu may be
// null.
std::vector<std::string> filesReached(const std::vector<std::string> &Files,
                                      const ChangeSet &Changes,
                                      const CtuFiles *Ctu);

// A detached checkout of the base revision in a temporary directory,
// removed when this goes.
class BaseCheckout {
public:
  ~BaseCheckout();
  bool create(const ChangeSet &Changes, std::string &Error);
  const std::string &root() const { return Dir; }

private:
  std::string RepoRoot, Dir;
};

// DB with every path under From read as the same path under To: the
// commands of the base checkout.
std::unique_ptr<clang::tooling::CompilationDatabase>
remapDatabase(const clang::tooling::CompilationDatabase &DB,
              const std::string &From, const std::string &To);

// Path under From moved under To (unchanged when not under From).
std::string remapPath(const std::string &Path, const std::string &From,
                      const std::string &To);

} // namespace wdfcheck

#endif
