//===- main.cpp - wdfcheck-clangd, clangd with wdfcheck's findings --------===//
//
//   wdfcheck-clangd [--clangd=PATH] [--wdfcheck=PATH]
//                   [--wdfcheck-debounce=MS] [--wdfcheck-timeout=SECONDS]
//                   [--wdfcheck-jobs=N] [clangd options...]
//
// Stands in for clangd in an editor's settings: runs the real clangd with
// every other option, forwards the editor's and clangd's messages, and adds
// wdfcheck's findings (Bridge.h says what it changes).  Exits with clangd's
// exit status.
//
//===----------------------------------------------------------------------===//
#include "Bridge.h"
#include "Clangd.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <thread>
#include <unistd.h>

using namespace wdfclangd;
using llvm::StringRef;

namespace {

int Anchor;

void printUsage() {
  llvm::outs() << R"(usage: wdfcheck-clangd [options] [clangd options...]

Runs clangd and adds wdfcheck's findings, quick fixes and rule summaries to
what it tells the editor.  Set it as the editor's clangd (VS Code:
"clangd.path"); every option not listed here is passed on to clangd.

options:
  --clangd=<path>             the clangd to run (default: clangd-19, else
                              clangd, on PATH)
  --wdfcheck=<path>           the wdfcheck to analyse with (default: the one
                              installed beside wdfcheck-clangd)
  --wdfcheck-debounce=<ms>    idle time after a change before the document
                              is analysed again (default 1500)
  --wdfcheck-timeout=<s>      an analysis running longer is stopped
                              (default 120)
  --wdfcheck-jobs=<n>         analyses running at once, over all documents
                              (default 1)
  --compile-commands-dir=<d>  read by wdfcheck-clangd too, and passed on
  --help
)";
}

int usageError(const std::string &Message) {
  llvm::errs() << "wdfcheck-clangd: error: " << Message
               << "\n(wdfcheck-clangd --help shows the usage)\n";
  return 2;
}

bool number(StringRef Option, StringRef Value, unsigned Min, unsigned &Out,
            std::string &Error) {
  if (Value.getAsInteger(10, Out) || Out < Min) {
    Error = Option.str() + " needs a whole number" +
            (Min ? " of at least " + std::to_string(Min) : std::string()) +
            ", not '" + Value.str() + "'";
    return false;
  }
  return true;
}

std::string besideMe(const char *Argv0, StringRef Name) {
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<256> P(llvm::sys::path::parent_path(Exe));
  llvm::sys::path::append(P, Name);
  return std::string(P);
}

std::string shareDir(const char *Argv0) {
  if (std::optional<std::string> Env =
          llvm::sys::Process::GetEnv("WDFCHECK_SHARE_DIR"))
    return *Env;
  llvm::SmallString<256> P(
      llvm::sys::path::parent_path(besideMe(Argv0, "x"))); // <prefix>/bin
  llvm::sys::path::remove_filename(P);
  llvm::sys::path::append(P, "share", "wdfcheck");
  return std::string(P);
}

// Reads framed messages from Fd until it ends, handing each to Handle; a
// malformed one is skipped with a line naming where it came from.
void readMessages(int Fd, const char *From,
                  llvm::function_ref<void(const std::string &)> Handle) {
  FramedReader In(Fd);
  std::string Body, Problem;
  for (;;) {
    FramedReader::Result R = In.next(Body, Problem);
    if (R == FramedReader::End)
      return;
    if (R == FramedReader::Malformed)
      llvm::errs() << "wdfcheck-clangd: skipped " << Problem << " from "
                   << From << "\n";
    else
      Handle(Body);
  }
}

} // namespace

int main(int Argc, char **Argv) {
  std::string ClangdOption, Wdfcheck, CompileCommandsDir;
  unsigned DebounceMs = 1500, TimeoutS = 120, Jobs = 1;
  std::vector<std::string> Passed;
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    std::string Error;
    auto [Name, Value] = Arg.split('=');
    bool HasValue = Arg.contains('=');
    if (Arg == "--help" || Arg == "-h") {
      printUsage();
      return 0;
    }
    if (Name == "--clangd" || Name == "--wdfcheck" ||
        Name == "--wdfcheck-debounce" || Name == "--wdfcheck-timeout" ||
        Name == "--wdfcheck-jobs") {
      if (!HasValue || Value.empty())
        return usageError(Name.str() + " needs a value: " + Name.str() +
                          "=...");
      if (Name == "--clangd")
        ClangdOption = Value.str();
      else if (Name == "--wdfcheck")
        Wdfcheck = Value.str();
      else if (Name == "--wdfcheck-debounce" &&
               !number(Name, Value, 0, DebounceMs, Error))
        return usageError(Error);
      else if (Name == "--wdfcheck-timeout" &&
               !number(Name, Value, 1, TimeoutS, Error))
        return usageError(Error);
      else if (Name == "--wdfcheck-jobs" && !number(Name, Value, 1, Jobs, Error))
        return usageError(Error);
      continue;
    }
    if (Name == "--compile-commands-dir" || Name == "-compile-commands-dir") {
      if (HasValue)
        CompileCommandsDir = Value.str();
      else if (I + 1 < Argc) {
        Passed.push_back(Arg.str());
        Arg = Argv[++I];
        CompileCommandsDir = Arg.str();
      }
    }
    Passed.push_back(Arg.str());
  }
  if (!CompileCommandsDir.empty()) {
    llvm::SmallString<256> Dir(CompileCommandsDir);
    llvm::sys::fs::make_absolute(Dir);
    CompileCommandsDir = std::string(Dir);
  }

  std::string Error;
  std::string Clangd = findClangd(ClangdOption, Error);
  if (Clangd.empty())
    return usageError(Error);
  if (Wdfcheck.empty()) {
    Wdfcheck = besideMe(Argv[0], "wdfcheck");
    if (!llvm::sys::fs::can_execute(Wdfcheck)) {
      auto Found = llvm::sys::findProgramByName("wdfcheck");
      if (!Found)
        return usageError("no wdfcheck beside wdfcheck-clangd (" + Wdfcheck +
                          ") nor on PATH; give --wdfcheck=PATH");
      Wdfcheck = *Found;
    }
  } else if (!llvm::sys::fs::can_execute(Wdfcheck)) {
    return usageError("--wdfcheck=" + Wdfcheck + ": not an executable file");
  }

  // A side that went away is seen as a failed write, not as a signal.
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> ClangdArgs{Clangd};
  ClangdArgs.insert(ClangdArgs.end(), Passed.begin(), Passed.end());
  ClangdProcess Child;
  if (!startClangd(Clangd, ClangdArgs, Child, Error)) {
    llvm::errs() << "wdfcheck-clangd: error: " << Error << "\n";
    return 1;
  }

  FramedWriter ToEditor(STDOUT_FILENO), ToClangd(Child.ToClangd);
  Scheduler::Config Cfg;
  Cfg.Wdfcheck = Wdfcheck;
  Cfg.Debounce = std::chrono::milliseconds(DebounceMs);
  Cfg.Timeout = std::chrono::seconds(TimeoutS);
  Cfg.MaxJobs = Jobs;
  Bridge B(ToEditor, ToClangd, Cfg, CompileCommandsDir,
           shareDir(Argv[0]) + "/docs");

  // clangd's side: when clangd ends, so does the bridge, with its status.
  std::thread FromClangd([&] {
    readMessages(Child.FromClangd, "clangd",
                 [&](const std::string &Body) { B.fromClangd(Body); });
    int Status = waitForClangd(Child);
    B.stop();
    llvm::errs().flush();
    llvm::sys::Process::Exit(Status, /*NoCleanup=*/true);
  });

  // The editor's side.  At its end clangd's input is closed: clangd ends
  // (the exit notification has usually ended it already).
  readMessages(STDIN_FILENO, "the editor",
               [&](const std::string &Body) { B.fromEditor(Body); });
  ::close(Child.ToClangd);
  FromClangd.join();
  return 0;
}
