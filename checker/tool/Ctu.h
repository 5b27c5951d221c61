//===- Ctu.h - the whole driver: Clang's cross translation unit index -----===//
//
// With --ctu the analyzer follows a call into a function defined in another
// file of the compile database: Clang's CTU support loads that file's AST
// and imports the definition.  What it needs is built here once per run (in
// parallel) and cached under the build directory:
//
//   externalDefMap.txt  each externally visible function defined in a file
//                       of the database, by its USR lookup name, with the
//                       AST of its file (the format clang-extdef-mapping
//                       writes)
//   <n>.ast             each file's AST, saved when it was parsed for the
//                       index: the file is analysed from it, and the files
//                       calling into it load it (lazily), instead of
//                       parsing it again
//   headers.txt         the size and time of every header they include
//   roles.txt           the callback registrations of every file (the IRQL
//                       model's pre-pass), so that a callback registered in
//                       device.c and defined in queue.c gets its role there
//   nx-opt-in.txt       whether the driver's one DriverEntry opts in to NX
//                       pool (empty: none or several DriverEntry)
//   invocations.yaml    each file's compile command, as the analysis runs
//                       it, for a file whose AST could not be saved (Clang
//                       then parses it on demand)
//
// A function defined in more than one file (two drivers in one database) is
// left out: calls to it are not followed.  A file that does not compile is
// left out too.  The cache is keyed by the database's commands and the
// files' sizes and times, and the headers' (Clang refuses a saved AST whose
// headers changed); a stale or unreadable cache is rebuilt, and the rebuild
// is noted.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_CTU_H
#define WDFCHECK_TOOL_CTU_H

#include "Analyze.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace wdfcheck {

struct CtuFiles {
  std::string Dir;            // the cache directory
  std::string Index;          // externalDefMap.txt, absolute
  std::string InvocationList; // invocations.yaml, absolute
  std::string Roles;          // roles.txt: the driver's callback registrations
  std::string NxOptIn;        // the driver's NX opt-in (DriverFacts.h), or ""
  std::string PagedFields;    // paged-fields.txt: fields only ever paged
  llvm::StringSet<> Sources;  // the database's files, absolute
  llvm::StringMap<std::string> AstOf; // file -> its saved AST (may be absent)
  unsigned Functions = 0;     // definitions in the index
  bool Rebuilt = false;       // built by this run (else reused)
  double BuildSeconds = 0;    // time spent building it
  std::vector<std::string> Notes; // for the user: what was left out, why
                                  // the index was rebuilt
};

// The CTU files for every file of DB, from the cache at CacheDir or built
// anew with at most Jobs files parsed at a time.  False, with Error set, when
// they can be neither read nor written.
bool prepareCtu(const clang::tooling::CompilationDatabase &DB,
                const AnalysisSettings &Settings, const std::string &CacheDir,
                unsigned Jobs, CtuFiles &Out, std::string &Error);

} // namespace wdfcheck

#endif
