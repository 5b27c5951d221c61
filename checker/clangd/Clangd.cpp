//===- Clangd.cpp - the real clangd, as a child process -------------------===//
#include "Clangd.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace wdfclangd {

std::string findClangd(const std::string &Explicit, std::string &Error) {
  if (!Explicit.empty()) {
    if (llvm::sys::fs::can_execute(Explicit))
      return Explicit;
    // A name without a directory is looked up on PATH.
    if (llvm::StringRef(Explicit).find('/') == llvm::StringRef::npos)
      if (auto Found = llvm::sys::findProgramByName(Explicit))
        return *Found;
    Error = "--clangd=" + Explicit + ": no such program";
    return "";
  }
  for (const char *Name : {"clangd-19", "clangd"})
    if (auto Found = llvm::sys::findProgramByName(Name))
      return *Found;
  Error = "no clangd found (neither clangd-19 nor clangd is on PATH); "
          "install clangd-19 or give --clangd=PATH";
  return "";
}

bool startClangd(const std::string &Path, const std::vector<std::string> &Args,
                 ClangdProcess &P, std::string &Error) {
  int In[2], Out[2], Status[2];
  if (::pipe(In) != 0 || ::pipe(Out) != 0 || ::pipe(Status) != 0) {
    Error = std::string("cannot create pipes: ") + std::strerror(errno);
    return false;
  }
  // The status pipe closes on a successful exec; otherwise the child writes
  // errno to it.
  ::fcntl(Status[1], F_SETFD, FD_CLOEXEC);
  std::vector<char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);

  pid_t Pid = ::fork();
  if (Pid < 0) {
    Error = std::string("cannot fork: ") + std::strerror(errno);
    return false;
  }
  if (Pid == 0) {
    ::dup2(In[0], 0);
    ::dup2(Out[1], 1);
    for (int Fd : {In[0], In[1], Out[0], Out[1], Status[0]})
      ::close(Fd);
    ::execv(Path.c_str(), Argv.data());
    int E = errno;
    (void)!::write(Status[1], &E, sizeof E);
    ::_exit(127);
  }
  ::close(In[0]);
  ::close(Out[1]);
  ::close(Status[1]);
  int E = 0;
  ssize_t N;
  do
    N = ::read(Status[0], &E, sizeof E);
  while (N < 0 && errno == EINTR);
  ::close(Status[0]);
  if (N == sizeof E) {
    ::waitpid(Pid, nullptr, 0);
    ::close(In[1]);
    ::close(Out[0]);
    Error = "cannot run " + Path + ": " + std::strerror(E);
    return false;
  }
  // The bridge's own children (the analyses) must not inherit these.
  ::fcntl(In[1], F_SETFD, FD_CLOEXEC);
  ::fcntl(Out[0], F_SETFD, FD_CLOEXEC);
  P.Pid = Pid;
  P.ToClangd = In[1];
  P.FromClangd = Out[0];
  return true;
}

int waitForClangd(const ClangdProcess &P) {
  int Status = 0;
  while (::waitpid(P.Pid, &Status, 0) < 0)
    if (errno != EINTR)
      return 1;
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status);
  if (WIFSIGNALED(Status))
    return 128 + WTERMSIG(Status);
  return 1;
}

} // namespace wdfclangd
