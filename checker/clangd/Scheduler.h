//===- Scheduler.h - when and how wdfcheck analyses a document ------------===//
//
// Each analysis is a wdfcheck process given the document's text on standard
// input (--stdin-path), at the lowest CPU priority.  A document is analysed
// at once when it is opened or saved and after an idle delay (the debounce)
// following a change.  At most one analysis per document runs at a time,
// and at most MaxJobs in all; an analysis of a version that is no longer
// current is killed, and so is one that runs over the time limit (the
// analyzer cannot be cancelled or timed out from inside).
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_CLANGD_SCHEDULER_H
#define WDFCHECK_CLANGD_SCHEDULER_H

#include "CompileCommands.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace wdfclangd {

struct Analysed {
  std::string Uri, Path;
  int64_t Version = 0;
  std::string Text;   // the text analysed
  std::string Output; // wdfcheck's standard output (JSON)
  int Status = 0;     // wdfcheck's exit status
};

class Scheduler {
public:
  using Clock = std::chrono::steady_clock;
  struct Config {
    std::string Wdfcheck;                    // the program
    Clock::duration Debounce = std::chrono::milliseconds(1500);
    Clock::duration Timeout = std::chrono::seconds(120);
    unsigned MaxJobs = 1;
  };
  // A finished analysis (exit status 0, 1 or 2) of a document's current
  // version.  Called on the scheduler's thread.
  using ResultFn = std::function<void(const Analysed &)>;
  // A message for the user (LSP MessageType: 1 error, 2 warning, 3 info).
  using LogFn = std::function<void(int Type, const std::string &Message)>;

  Scheduler(Config C, CompileCommands &Commands, ResultFn OnResult,
            LogFn OnLog);
  ~Scheduler(); // stops: kills every analysis

  // A new text of a document: analysed now (opened) or after the debounce
  // (changed).  A running analysis of an older version is killed.
  void update(const std::string &Uri, const std::string &Path,
              int64_t Version, std::string Text, bool Now);
  // Saved: analysed now, unless its current version is being analysed.
  void saved(const std::string &Uri);
  void closed(const std::string &Uri);
  void stop();

private:
  enum class Kill { None, Stale, Timeout, Stop };
  struct Run {
    int Pid = -1;
    int64_t Version = 0;
    std::string Path, Text;
    std::string InFile, OutFile, ErrFile;
    Clock::time_point Deadline;
    Kill Killed = Kill::None;
    bool Done = false;
    int WaitStatus = 0; // as waitpid reports it
    std::thread Waiter;
  };
  struct Doc {
    std::string Path;
    int64_t Version = 0;
    std::string Text;
    bool Pending = false;
    Clock::time_point Due;
    std::shared_ptr<Run> Running;
  };

  Config Cfg;
  CompileCommands &Commands;
  ResultFn OnResult;
  LogFn OnLog;
  std::mutex Lock;
  std::condition_variable Wake;
  std::map<std::string, Doc> Docs;
  std::vector<std::pair<std::string, std::shared_ptr<Run>>> Orphans; // closed
  bool Stopping = false;
  std::thread Loop;

  void loop();
  void killRun(Run &R, Kill Why);
  std::shared_ptr<Run> start(const std::string &Uri, Doc &D,
                             std::string &Error);
  unsigned runningCount() const;
  void finish(const std::string &Uri, Run &R, bool Current);
};

} // namespace wdfclangd

#endif
