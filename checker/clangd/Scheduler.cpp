//===- Scheduler.cpp - when and how wdfcheck analyses a document ----------===//
#include "Scheduler.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>

namespace wdfclangd {

namespace {

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

bool tempFile(llvm::StringRef Prefix, llvm::StringRef Suffix, std::string &Path,
              std::string &Error) {
  llvm::SmallString<256> P;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile(Prefix, Suffix, P)) {
    Error = "cannot create a temporary file: " + EC.message();
    return false;
  }
  Path = std::string(P);
  return true;
}

// The last lines of an analysis's standard error, for a log message.
std::string tail(const std::string &Text, size_t Max = 600) {
  llvm::StringRef T = llvm::StringRef(Text).rtrim();
  if (T.size() <= Max)
    return T.str();
  return "..." + T.take_back(Max).str();
}

} // namespace

Scheduler::Scheduler(Config C, CompileCommands &Commands, ResultFn OnResult,
                     LogFn OnLog)
    : Cfg(std::move(C)), Commands(Commands), OnResult(std::move(OnResult)),
      OnLog(std::move(OnLog)) {
  Loop = std::thread([this] { loop(); });
}

Scheduler::~Scheduler() { stop(); }

void Scheduler::stop() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Stopping)
      return;
    Stopping = true;
    for (auto &[Uri, D] : Docs)
      if (D.Running)
        killRun(*D.Running, Kill::Stop);
    for (auto &[Uri, R] : Orphans)
      killRun(*R, Kill::Stop);
  }
  Wake.notify_all();
  if (Loop.joinable())
    Loop.join();
}

void Scheduler::killRun(Run &R, Kill Why) {
  // The process is not reaped before Done is set (under Lock), so its pid
  // is still ours here.
  if (R.Done || R.Killed != Kill::None)
    return;
  R.Killed = Why;
  ::kill(R.Pid, SIGKILL);
}

void Scheduler::update(const std::string &Uri, const std::string &Path,
                       int64_t Version, std::string Text, bool Now) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Doc &D = Docs[Uri];
    D.Path = Path;
    D.Version = Version;
    D.Text = std::move(Text);
    if (D.Running && D.Running->Version != Version)
      killRun(*D.Running, Kill::Stale);
    D.Pending = true;
    D.Due = Clock::now() + (Now ? Clock::duration(0) : Cfg.Debounce);
  }
  Wake.notify_all();
}

void Scheduler::saved(const std::string &Uri) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Docs.find(Uri);
    if (It == Docs.end())
      return;
    Doc &D = It->second;
    if (D.Running && D.Running->Version == D.Version && D.Running->Killed == Kill::None &&
        !D.Pending)
      return;
    D.Pending = true;
    D.Due = Clock::now();
  }
  Wake.notify_all();
}

void Scheduler::closed(const std::string &Uri) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Docs.find(Uri);
    if (It == Docs.end())
      return;
    if (It->second.Running) {
      killRun(*It->second.Running, Kill::Stale);
      Orphans.emplace_back(Uri, It->second.Running);
    }
    Docs.erase(It);
  }
  Wake.notify_all();
}

unsigned Scheduler::runningCount() const {
  unsigned N = Orphans.size();
  for (const auto &[Uri, D] : Docs)
    N += D.Running != nullptr;
  return N;
}

std::shared_ptr<Scheduler::Run> Scheduler::start(const std::string &Uri,
                                                 Doc &D, std::string &Error) {
  auto R = std::make_shared<Run>();
  R->Version = D.Version;
  R->Text = D.Text;
  if (!tempFile("wdfcheck-clangd-in", "txt", R->InFile, Error) ||
      !tempFile("wdfcheck-clangd-out", "json", R->OutFile, Error) ||
      !tempFile("wdfcheck-clangd-err", "txt", R->ErrFile, Error))
    return nullptr;
  {
    std::error_code EC;
    llvm::raw_fd_ostream In(R->InFile, EC);
    if (EC) {
      Error = "cannot write " + R->InFile + ": " + EC.message();
      return nullptr;
    }
    In << R->Text;
  }
  std::vector<std::string> Args{Cfg.Wdfcheck};
  for (std::string &A : Commands.analysisArgs(D.Path))
    Args.push_back(std::move(A));
  std::vector<llvm::StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(R->InFile), llvm::StringRef(R->OutFile),
      llvm::StringRef(R->ErrFile)};
  bool Failed = false;
  llvm::sys::ProcessInfo PI = llvm::sys::ExecuteNoWait(
      Cfg.Wdfcheck, ArgRefs, std::nullopt, Redirects, 0, &Error, &Failed);
  if (Failed || PI.Pid <= 0) {
    Error = "cannot run " + Cfg.Wdfcheck + ": " + Error;
    return nullptr;
  }
  R->Pid = PI.Pid;
  // The analysis must not slow the editor or clangd down.
  ::setpriority(PRIO_PROCESS, id_t(R->Pid), 19);
  R->Deadline = Clock::now() + Cfg.Timeout;
  // Waits without reaping (WNOWAIT), marks the run done under the lock, and
  // only then reaps: killRun never signals a pid that was reused.
  R->Waiter = std::thread([this, R] {
    siginfo_t Info;
    while (::waitid(P_PID, id_t(R->Pid), &Info, WEXITED | WNOWAIT) < 0 &&
           errno == EINTR)
      ;
    std::lock_guard<std::mutex> Guard(Lock);
    int Status = 0;
    while (::waitpid(R->Pid, &Status, 0) < 0 && errno == EINTR)
      ;
    R->WaitStatus = Status;
    R->Done = true;
    Wake.notify_all();
  });
  (void)Uri;
  return R;
}

// Called without the lock held.  Current: the run analysed the document's
// current version and was not killed for being stale.
void Scheduler::finish(const std::string &Uri, Run &R, bool Current) {
  if (R.Waiter.joinable())
    R.Waiter.join();
  std::string Output = readFile(R.OutFile), Errors = readFile(R.ErrFile);
  for (const std::string *F : {&R.InFile, &R.OutFile, &R.ErrFile})
    llvm::sys::fs::remove(*F);
  if (R.Killed == Kill::Stale || R.Killed == Kill::Stop)
    return;
  std::string Name = llvm::sys::path::filename(R.Path).str();
  std::string Which = "the wdfcheck analysis of " + Name + " (version " +
                      std::to_string(R.Version) + ")";
  if (R.Killed == Kill::Timeout) {
    OnLog(2, Which + " ran over the time limit and was stopped; the findings "
                     "shown are from an earlier analysis, if any");
    return;
  }
  if (WIFSIGNALED(R.WaitStatus)) {
    OnLog(2, Which + " crashed (" + strsignal(WTERMSIG(R.WaitStatus)) +
                 "); the findings shown are from an earlier analysis, if any" +
                 (Errors.empty() ? "" : ": " + tail(Errors)));
    return;
  }
  int Status = WIFEXITED(R.WaitStatus) ? WEXITSTATUS(R.WaitStatus) : -1;
  if (Status < 0 || Status > 2 || Output.empty()) {
    OnLog(2, Which + " failed (exit status " + std::to_string(Status) +
                 ")" + (Errors.empty() ? "" : ": " + tail(Errors)));
    return;
  }
  if (!Current)
    return;
  Analysed A;
  A.Uri = Uri;
  A.Path = R.Path;
  A.Version = R.Version;
  A.Text = std::move(R.Text);
  A.Output = std::move(Output);
  A.Status = Status;
  OnResult(A);
}

void Scheduler::loop() {
  std::unique_lock<std::mutex> Guard(Lock);
  for (;;) {
    // Finished runs: handled without the lock (results are published).
    std::vector<std::tuple<std::string, std::shared_ptr<Run>, bool>> Finished;
    for (auto &[Uri, D] : Docs)
      if (D.Running && D.Running->Done) {
        Finished.emplace_back(Uri, D.Running,
                              D.Running->Version == D.Version);
        D.Running.reset();
      }
    for (auto It = Orphans.begin(); It != Orphans.end();)
      if (It->second->Done) {
        Finished.emplace_back(It->first, It->second, false);
        It = Orphans.erase(It);
      } else {
        ++It;
      }
    if (Stopping && runningCount() == 0 && Finished.empty())
      return;
    if (!Finished.empty()) {
      Guard.unlock();
      for (auto &[Uri, R, Current] : Finished)
        finish(Uri, *R, Current);
      Guard.lock();
      continue;
    }

    Clock::time_point Now = Clock::now();
    std::optional<Clock::time_point> Next;
    bool Retry = false;
    auto wakeAt = [&](Clock::time_point T) {
      if (!Next || T < *Next)
        Next = T;
    };
    for (auto &[Uri, D] : Docs) {
      if (D.Running) {
        if (D.Running->Killed == Kill::None) {
          if (D.Running->Deadline <= Now)
            killRun(*D.Running, Kill::Timeout);
          else
            wakeAt(D.Running->Deadline);
        }
        continue;
      }
      if (!D.Pending || Stopping)
        continue;
      if (D.Due > Now) {
        wakeAt(D.Due);
        continue;
      }
      if (runningCount() >= Cfg.MaxJobs)
        continue; // woken when a run finishes
      D.Pending = false;
      std::string Error;
      D.Running = start(Uri, D, Error);
      if (D.Running) {
        D.Running->Path = D.Path;
        wakeAt(D.Running->Deadline);
      } else {
        std::string Message = "wdfcheck could not analyse " + D.Path + ": " +
                              Error;
        Guard.unlock();
        OnLog(1, Message);
        Guard.lock();
        Retry = true; // Docs may have changed meanwhile: look again
        break;
      }
    }
    if (Retry)
      continue;
    if (Next)
      Wake.wait_until(Guard, *Next);
    else
      Wake.wait(Guard);
  }
}

} // namespace wdfclangd
