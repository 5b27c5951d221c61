//===- Clangd.h - the real clangd, as a child process ---------------------===//
//
// clangd runs as a child with its standard input and output on pipes (the
// bridge speaks LSP on both); its standard error is the bridge's, so its log
// goes where the editor collects the bridge's.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_CLANGD_H
#define WDFCHECK_CLANGD_CLANGD_H

#include <string>
#include <sys/types.h>
#include <vector>

namespace wdfclangd {

struct ClangdProcess {
  pid_t Pid = -1;
  int ToClangd = -1;   // clangd's standard input
  int FromClangd = -1; // clangd's standard output
};

// The clangd to run: Explicit (--clangd=PATH) when given, else clangd-19 or
// clangd on PATH.  "" with Error set when there is none.
std::string findClangd(const std::string &Explicit, std::string &Error);

// Starts Path with Args (Args[0] is its name).  False with Error set when
// it cannot be started.
bool startClangd(const std::string &Path, const std::vector<std::string> &Args,
                 ClangdProcess &P, std::string &Error);

// Waits for clangd to end; its exit status, or 128 + the signal that ended
// it (as a shell reports it).
int waitForClangd(const ClangdProcess &P);

} // namespace wdfclangd

#endif
