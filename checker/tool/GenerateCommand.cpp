//===- GenerateCommand.cpp - wdfcheck generate (diagnostic) ---------------===//
//
// wdfcheck generate {wpp|mc|man|mof} <input> -o <dir>
//     [--trace-function=SPEC]... [--scan-config=FILE] [--include-dir=DIR]...
//     [--header=NAME] [--recorder]
//
// Writes the header Generated.h makes for <input> into <dir> and prints its
// path.  A diagnostic command: the generators, run without a project.
//
//===----------------------------------------------------------------------===//
#include "GenerateCommand.h"
#include "Generated.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using llvm::StringRef;

namespace wdfcheck {
namespace {

constexpr int ExitOk = 0, ExitFailure = 2;

int usage(const std::string &Why) {
  llvm::errs() << "wdfcheck generate: " << Why << "\n"
               << "usage: wdfcheck generate {wpp|mc|man|mof} <input> -o <dir> "
                  "[--trace-function=SPEC]... [--scan-config=FILE] "
                  "[--include-dir=DIR]... [--header=NAME] [--recorder]\n";
  return ExitFailure;
}

std::string absolute(StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

} // namespace

int runGenerate(int Argc, const char **Argv) {
  std::string Kind, Input, OutDir, Header;
  WppSettings Wpp;
  Wpp.Enabled = true;
  ProjectSource Source;
  // An option's value follows '=' or comes as the next argument.
  auto Value = [&](int &I, StringRef Arg, StringRef Name,
                   std::string &To) -> int {
    StringRef Rest = Arg;
    if (!Rest.consume_front(Name))
      return 0;
    if (Rest.consume_front("=")) {
      To = Rest.str();
      return 1;
    }
    if (!Rest.empty())
      return 0;
    if (I + 1 >= Argc)
      return -1;
    To = Argv[++I];
    return 1;
  };
  for (int I = 0; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    std::string V;
    int R;
    if ((R = Value(I, Arg, "--trace-function", V))) {
      if (R < 0)
        return usage("--trace-function needs a value");
      Wpp.TraceFunctions.push_back(V);
    } else if ((R = Value(I, Arg, "--scan-config", V))) {
      if (R < 0)
        return usage("--scan-config needs a value");
      Wpp.ScanConfigurationData = absolute(V);
    } else if ((R = Value(I, Arg, "--include-dir", V))) {
      if (R < 0)
        return usage("--include-dir needs a value");
      Source.IncludeDirs.push_back(absolute(V));
    } else if ((R = Value(I, Arg, "--header", V))) {
      if (R < 0)
        return usage("--header needs a value");
      Header = V;
    } else if ((R = Value(I, Arg, "-o", V))) {
      if (R < 0)
        return usage("-o needs a value");
      OutDir = V;
    } else if (Arg == "--recorder") {
      Wpp.Recorder = true;
    } else if (Arg.size() > 1 && Arg.starts_with("-")) {
      return usage("unknown option '" + Arg.str() + "'");
    } else if (Kind.empty()) {
      Kind = Arg.str();
    } else if (Input.empty()) {
      Input = Arg.str();
    } else {
      return usage("more than one input");
    }
  }
  if (Kind.empty() || Input.empty())
    return usage("a kind and an input are needed");
  if (OutDir.empty())
    return usage("-o <dir> is needed");
  Input = absolute(Input);
  OutDir = absolute(OutDir);
  std::string Stem = llvm::sys::path::stem(Input).str();
  std::string Written, Error;
  bool Ok = false;
  auto HeaderPath = [&](StringRef Ext) {
    llvm::SmallString<256> P(OutDir);
    llvm::sys::path::append(P, Header.empty() ? Stem + Ext.str() : Header);
    return std::string(P);
  };
  if (Kind == "wpp") {
    if (!Header.empty())
      return usage("--header does not apply to wpp (the .tmh is <stem>.tmh)");
    Source.File = Input;
    Ok = writeWppHeader(Source, Wpp, OutDir, Error);
    Written = HeaderPath(".tmh");
  } else if (Kind == "mc") {
    Written = HeaderPath(".h");
    Ok = writeMessageHeaderTo(Input, Written, Error);
  } else if (Kind == "man") {
    Written = HeaderPath(".h");
    Ok = writeManifestHeaderTo(Input, Written, Error);
  } else if (Kind == "mof") {
    Written = HeaderPath(".h");
    Ok = writeMofHeaderTo(Input, Written, Error);
  } else {
    return usage("unknown kind '" + Kind + "' (expected wpp, mc, man or mof)");
  }
  if (!Ok) {
    llvm::errs() << "wdfcheck generate: error: " << Error << "\n";
    return ExitFailure;
  }
  llvm::outs() << Written << "\n";
  return ExitOk;
}

} // namespace wdfcheck
