//===- Options.cpp - the wdfcheck command line ----------------------------===//
#include "Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace wdfcheck {

void printUsage() {
  llvm::outs() <<
R"(usage: wdfcheck [options] <file>... [-- <compiler arguments>]
       wdfcheck -p <build-dir> [options] [<file>...]
       wdfcheck [options] <driver>.vcxproj|<solution>.sln
       wdfcheck compdb <driver>.vcxproj|<solution>.sln [-o compile_commands.json]
       wdfcheck explain <rule>
       wdfcheck list-rules
       wdfcheck tutorial [N | check N]
       wdfcheck confirm <static.sarif> <dynamic.sarif> [-o <merged.sarif>]
       wdfcheck merge <a.sarif> <b.sarif>... [-o <all.sarif>]

Checks KMDF driver sources against the WDFMEMORY rules (list-rules shows
them) with the Clang Static Analyzer.  New to the rules? 'wdfcheck tutorial'
lists the tutorial's chapters, each with an exercise to fix and check.

options:
  -p <build-dir>        read compile commands from <build-dir>/compile_commands.json
  --checks=<list>       comma-separated rule IDs or checker names, globs allowed;
                        a list starting with '-' removes from the default set
                        (--checks=-WM002), one starting with a name selects only
                        what it names (--checks=WM007,wdf.PoolIrql)
  --format=<fmt>        text (default), sarif (SARIF 2.1.0), json, or html
                        (browsable pages in the directory -o names)
  -o <file>             write the findings to <file> instead of standard output
  -j <n>                analyse <n> files at a time
  --ctu                 with -p: follow calls into the database's other files
                        (the whole driver); the index of their definitions is
                        cached in <build-dir>/.wdfcheck-ctu
  --baseline=<file>     report only the findings <file> does not hold (a
                        --write-baseline file, or wdfcheck's SARIF from an
                        earlier run); exit status 1 only for new findings
  --write-baseline=<file>
                        record the findings' fingerprints in <file>; exit
                        status 0 unless a file could not be analysed
  --changed-since=<rev> analyse only the files a git change since <rev> touches
                        (and, with --ctu, the files that call into them), and
                        report only the findings they did not have at <rev>
                        (from --baseline, else from a temporary checkout)
  --shard=<i>/<n>       analyse the i-th of n parts of the files (balanced by
                        size, the same parts on every machine); join the
                        parts' SARIF with 'wdfcheck merge'
  --stdin-path=<file>   analyse <file> with the text read from standard input
                        instead of what is on disk (an editor's unsaved
                        text); <file> names its compile command and is the
                        only file analysed
  --max-nodes=<n>       explore at most <n> nodes per top-level function
                        (default 225000, the analyzer's): smaller is faster
                        (an editor), and may miss findings deep in long paths
  --config=<name>       the project configuration to evaluate (default Debug)
  --platform=<name>     the project platform: x64 (default), ARM64, Win32
  --wdk=<dir>           check a project against a WDK's headers (its Include)
  --kmdf-headers=<dir>  ... or a Windows-Driver-Frameworks checkout's, with
                        mingw-w64's DDK headers (default: wdfcheck's model
                        headers)
  --cache-dir=<dir>     where a project's compile_commands.json and generated
                        headers (WPP .tmh, mc, wmimofck) go (default
                        $XDG_CACHE_HOME/wdfcheck/<hash>); --ctu's index too
  --quiet               no summary line or project notes on standard error
  --no-model-headers    do not make wdfcheck's model ntddk.h/wdf.h available
  --help, --version

exit status: 0 no findings, 1 findings, 2 wdfcheck could not do its job
(bad usage, a file that does not compile; the other files are still analysed).
A project input is evaluated like MSBuild (conditions, imported .props,
item definitions) and analysed like -p <cache dir> with all its sources and
those of the projects it references.  compdb writes its compile commands
for clangd and other tools (standard output without -o).
merge joins the SARIF files of the shards of one run into one.
confirm marks the static findings a runtime run reproduced (docs/runtime.md);
its exit status is 0 when the logs were paired, 2 when they could not be.

diagnostic commands:
  wdfcheck header-flags [--wdk=DIR|--kmdf-headers=DIR] [--cxx] [--kmdf=1.33]
                    [--config=Release] [--platform=ARM64] [--properties]
                        print the compiler flags (or MSBuild properties) of a
                        header set, one a line
  wdfcheck generate {wpp|mc|man|mof} <input> -o <dir> [--trace-function=SPEC]...
                    [--scan-config=FILE] [--include-dir=DIR]... [--header=NAME]
                        write the stand-in for the header tracewpp, mc.exe or
                        wmimofck makes from <input> and print its path
)";
}

namespace {

using llvm::StringRef;

// What an option sets from its value ("" for an option that takes none);
// false, with Error set, for a value it cannot take.
using Setter = bool (*)(Options &Opts, StringRef Value, std::string &Error);

struct OptionSpec {
  StringRef Long;  // "--checks", or ""
  StringRef Short; // "-p", or ""
  bool TakesValue;
  Setter Set;
};

// Setters for the table: a command, a flag, a text.
template <Command C> bool setCommand(Options &Opts, StringRef, std::string &) {
  Opts.Cmd = C;
  return true;
}

template <bool Options::*Flag, bool To>
bool setFlag(Options &Opts, StringRef, std::string &) {
  Opts.*Flag = To;
  return true;
}

template <std::string Options::*Text>
bool setText(Options &Opts, StringRef Value, std::string &) {
  Opts.*Text = Value.str();
  return true;
}

bool setFormat(Options &Opts, StringRef Value, std::string &Error) {
  if (Value == "text")
    Opts.Fmt = Format::Text;
  else if (Value == "sarif")
    Opts.Fmt = Format::Sarif;
  else if (Value == "json")
    Opts.Fmt = Format::Json;
  else if (Value == "html")
    Opts.Fmt = Format::Html;
  else {
    Error = "unknown format '" + Value.str() +
            "' (expected text, sarif, json or html)";
    return false;
  }
  return true;
}

bool setShard(Options &Opts, StringRef Value, std::string &Error) {
  auto [First, Second] = Value.split('/');
  unsigned I = 0, N = 0;
  if (First.getAsInteger(10, I) || Second.getAsInteger(10, N) || N == 0 ||
      I == 0 || I > N) {
    Error = "bad --shard value '" + Value.str() +
            "' (expected i/n with 1 <= i <= n, e.g. --shard=2/4)";
    return false;
  }
  Opts.Shard = I;
  Opts.Shards = N;
  return true;
}

bool setMaxNodes(Options &Opts, StringRef Value, std::string &Error) {
  if (Value.getAsInteger(10, Opts.MaxNodes) || Opts.MaxNodes < 1000) {
    Error = "--max-nodes needs a number of at least 1000, not '" +
            Value.str() + "'";
    return false;
  }
  return true;
}

bool setJobs(Options &Opts, StringRef Value, std::string &Error) {
  if (Value.getAsInteger(10, Opts.Jobs) || Opts.Jobs == 0) {
    Error = "-j needs a positive number, not '" + Value.str() + "'";
    return false;
  }
  return true;
}

// Every option, once.  A value follows '=' or comes as the next argument
// (--checks=WM001, --checks WM001); a short option's may also be attached
// (-j4, -pbuild, -j=4).  --help and --version answer at once: what follows
// them is not read.
const OptionSpec OptionTable[] = {
    {"--help", "-h", false, setCommand<Command::Help>},
    {"--version", "", false, setCommand<Command::Version>},
    {"--quiet", "-q", false, setFlag<&Options::Quiet, true>},
    {"--no-model-headers", "", false, setFlag<&Options::ModelHeaders, false>},
    {"--ctu", "", false, setFlag<&Options::Ctu, true>},
    {"--checks", "", true, setText<&Options::Checks>},
    {"--format", "", true, setFormat},
    {"--baseline", "", true, setText<&Options::Baseline>},
    {"--write-baseline", "", true, setText<&Options::WriteBaseline>},
    {"--changed-since", "", true, setText<&Options::ChangedSince>},
    {"--shard", "", true, setShard},
    {"--max-nodes", "", true, setMaxNodes},
    {"--stdin-path", "", true, setText<&Options::StdinPath>},
    {"--config", "", true, setText<&Options::Config>},
    {"--platform", "", true, setText<&Options::Platform>},
    {"--wdk", "", true, setText<&Options::Wdk>},
    {"--kmdf-headers", "", true, setText<&Options::KmdfHeaders>},
    {"--cache-dir", "", true, setText<&Options::CacheDir>},
    {"", "-p", true, setText<&Options::BuildDir>},
    {"", "-o", true, setText<&Options::OutputFile>},
    {"", "-j", true, setJobs},
};

// The commands named by the first argument; without one, wdfcheck analyses.
const std::pair<StringRef, Command> CommandTable[] = {
    {"compdb", Command::Compdb},
    {"explain", Command::Explain},
    {"list-rules", Command::ListRules},
    {"tutorial", Command::Tutorial},
    {"confirm", Command::Confirm},
    {"merge", Command::Merge},
};

// The option Arg names, with the value it carries (--checks=x, -j4); null
// when it names none.
const OptionSpec *findOption(StringRef Arg, std::optional<StringRef> &Value) {
  Value.reset();
  for (const OptionSpec &O : OptionTable) {
    if ((!O.Long.empty() && Arg == O.Long) ||
        (!O.Short.empty() && Arg == O.Short))
      return &O;
    if (!O.TakesValue)
      continue;
    StringRef Rest = Arg;
    if (!O.Long.empty() && Rest.consume_front(O.Long) &&
        Rest.consume_front("=")) {
      Value = Rest;
      return &O;
    }
    Rest = Arg;
    if (!O.Short.empty() && Rest.consume_front(O.Short)) {
      Rest.consume_front("=");
      Value = Rest;
      return &O;
    }
  }
  return nullptr;
}

// The known option an unknown one was probably meant to be, as it is written
// ("--checks=" for one that takes a value), or "" when none is close: one
// that starts the argument (--checksX, --formatjson) or is at most two edits
// from its name (--quite, --Checks=WM001).
std::string closestOption(StringRef Arg) {
  constexpr unsigned MaxEdits = 2;
  StringRef Name = Arg.split('=').first;
  const OptionSpec *Best = nullptr;
  unsigned BestEdits = MaxEdits + 1;
  for (const OptionSpec &O : OptionTable) {
    if (O.Long.empty())
      continue;
    unsigned Edits =
        O.TakesValue && Arg.starts_with(O.Long)
            ? 0
            : Name.edit_distance(O.Long, /*AllowReplacements=*/true, MaxEdits);
    if (Edits < BestEdits) {
      Best = &O;
      BestEdits = Edits;
    }
  }
  if (!Best)
    return "";
  return (Best->Long + (Best->TakesValue ? "=" : "")).str();
}

} // namespace

bool parseOptions(int Argc, const char **Argv, Options &Opts,
                  UsageError &Error) {
  int I = 1;
  if (I < Argc)
    for (const auto &[Name, Cmd] : CommandTable)
      if (Name == Argv[I]) {
        Opts.Cmd = Cmd;
        ++I;
        break;
      }
  for (; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--") {
      Opts.HaveCompilerArgs = true;
      Opts.CompilerArgs.assign(Argv + I + 1, Argv + Argc);
      break;
    }
    std::optional<StringRef> Value;
    if (const OptionSpec *O = findOption(Arg, Value)) {
      if (O->TakesValue && !Value) {
        if (I + 1 >= Argc) {
          Error.Message = (Arg + " needs a value").str();
          return false;
        }
        Value = Argv[++I];
      }
      if (!O->Set(Opts, Value.value_or(""), Error.Message))
        return false;
      if (Opts.Cmd == Command::Help || Opts.Cmd == Command::Version)
        return true;
    } else if (Arg.size() > 1 && Arg.starts_with("-")) {
      Error.Message = "unknown option '" + Arg.str() + "'";
      Error.DidYouMean = closestOption(Arg);
      return false;
    } else if (Opts.Cmd == Command::Analyze) {
      Opts.Files.push_back(Arg.str());
    } else {
      Opts.CommandArgs.push_back(Arg.str());
    }
  }
  return true;
}

bool selectRules(const std::string &Checks,
                 std::vector<const RuleInfo *> &Selected, std::string &Error) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  llvm::StringRef(Checks).split(Items, ',', -1, /*KeepEmpty=*/false);
  std::vector<bool> On(rules().size(), false);
  bool StartFromDefault = Items.empty() || Items.front().trim().starts_with("-");
  if (StartFromDefault)
    for (const RuleInfo &R : rules())
      On[R.Rule] = R.Available;

  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    bool Remove = Item.consume_front("-");
    // The pattern refers to its text: keep the lowered copy alive.
    std::string Lowered = Item.lower();
    auto Pattern = llvm::GlobPattern::create(Lowered);
    if (!Pattern) {
      Error = "bad pattern '" + Item.str() + "' in --checks";
      return false;
    }
    unsigned Matched = 0, MatchedAvailable = 0;
    for (const RuleInfo &R : rules()) {
      if (!Pattern->match(llvm::StringRef(R.Id).lower()) &&
          !Pattern->match(llvm::StringRef(R.Name).lower()) &&
          !Pattern->match(llvm::StringRef(R.CheckerName).lower()))
        continue;
      ++Matched;
      if (!R.Available)
        continue;
      ++MatchedAvailable;
      On[R.Rule] = !Remove;
    }
    if (Matched == 0) {
      Error = "unknown rule '" + Item.str() +
              "' in --checks (wdfcheck list-rules shows the rules)";
      return false;
    }
    if (!Remove && MatchedAvailable == 0) {
      Error = "rule '" + Item.str() +
              "' is not available in this build yet (wdfcheck list-rules "
              "shows which are)";
      return false;
    }
  }
  Selected.clear();
  for (const RuleInfo &R : rules())
    if (On[R.Rule])
      Selected.push_back(&R);
  return true;
}

} // namespace wdfcheck
