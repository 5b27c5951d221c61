//===- Options.cpp - the wdfcheck command line ----------------------------===//
#include "Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/raw_ostream.h"

namespace wdfcheck {

void printUsage() {
  llvm::outs() <<
R"(usage: wdfcheck [options] <file>... [-- <compiler arguments>]
       wdfcheck -p <build-dir> [options] [<file>...]
       wdfcheck explain <rule>
       wdfcheck list-rules
       wdfcheck confirm <static.sarif> <dynamic.sarif> [-o <merged.sarif>]

Checks KMDF driver sources against the WDFMEMORY rules (list-rules shows
them) with the Clang Static Analyzer.

options:
  -p <build-dir>        read compile commands from <build-dir>/compile_commands.json
  --checks=<list>       comma-separated rule IDs or checker names, globs allowed;
                        a list starting with '-' removes from the default set
                        (--checks=-WM002), one starting with a name selects only
                        what it names (--checks=WM007,wdf.PoolIrql)
  --format=<fmt>        text (default), sarif (SARIF 2.1.0) or json
  -o <file>             write the findings to <file> instead of standard output
  -j <n>                analyse <n> files at a time
  --quiet               no summary line on standard error
  --no-model-headers    do not make wdfcheck's model ntddk.h/wdf.h available
  --help, --version

exit status: 0 no findings, 1 findings, 2 wdfcheck could not do its job
(bad usage, a file that does not compile; the other files are still analysed).
confirm marks the static findings a runtime run reproduced (docs/runtime.md);
its exit status is 0 when the logs were paired, 2 when they could not be.
)";
}

namespace {

bool takeValue(int &I, int Argc, const char **Argv, llvm::StringRef Flag,
               std::string &Value, std::string &Error) {
  llvm::StringRef Arg = Argv[I];
  if (Arg.size() > Flag.size()) { // -pdir, --checks=x, -j4
    llvm::StringRef Rest = Arg.drop_front(Flag.size());
    Rest.consume_front("=");
    Value = Rest.str();
    return true;
  }
  if (I + 1 >= Argc) {
    Error = (Flag + " needs a value").str();
    return false;
  }
  Value = Argv[++I];
  return true;
}

} // namespace

bool parseOptions(int Argc, const char **Argv, Options &Opts,
                  std::string &Error) {
  int I = 1;
  if (I < Argc) {
    llvm::StringRef First = Argv[I];
    if (First == "explain") {
      Opts.Cmd = Command::Explain;
      ++I;
    } else if (First == "list-rules") {
      Opts.Cmd = Command::ListRules;
      ++I;
    } else if (First == "confirm") {
      Opts.Cmd = Command::Confirm;
      ++I;
    }
  }
  for (; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    std::string Value;
    if (Arg == "--") {
      Opts.HaveCompilerArgs = true;
      for (++I; I < Argc; ++I)
        Opts.CompilerArgs.push_back(Argv[I]);
      break;
    }
    if (Arg == "--help" || Arg == "-h") {
      Opts.Cmd = Command::Help;
      return true;
    }
    if (Arg == "--version") {
      Opts.Cmd = Command::Version;
      return true;
    }
    if (Arg == "--quiet" || Arg == "-q") {
      Opts.Quiet = true;
    } else if (Arg == "--no-model-headers") {
      Opts.ModelHeaders = false;
    } else if (Arg.starts_with("--checks")) {
      if (!takeValue(I, Argc, Argv, "--checks", Opts.Checks, Error))
        return false;
    } else if (Arg.starts_with("--format")) {
      if (!takeValue(I, Argc, Argv, "--format", Value, Error))
        return false;
      if (Value == "text")
        Opts.Fmt = Format::Text;
      else if (Value == "sarif")
        Opts.Fmt = Format::Sarif;
      else if (Value == "json")
        Opts.Fmt = Format::Json;
      else {
        Error = "unknown format '" + Value + "' (expected text, sarif or json)";
        return false;
      }
    } else if (Arg.starts_with("-p") && !Arg.starts_with("--")) {
      if (!takeValue(I, Argc, Argv, "-p", Opts.BuildDir, Error))
        return false;
    } else if (Arg.starts_with("-o") && !Arg.starts_with("--")) {
      if (!takeValue(I, Argc, Argv, "-o", Opts.OutputFile, Error))
        return false;
    } else if (Arg.starts_with("-j") && !Arg.starts_with("--")) {
      if (!takeValue(I, Argc, Argv, "-j", Value, Error))
        return false;
      if (llvm::StringRef(Value).getAsInteger(10, Opts.Jobs) || Opts.Jobs == 0) {
        Error = "-j needs a positive number, not '" + Value + "'";
        return false;
      }
    } else if (Arg.size() > 1 && Arg.starts_with("-")) {
      Error = "unknown option '" + Arg.str() + "'";
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
