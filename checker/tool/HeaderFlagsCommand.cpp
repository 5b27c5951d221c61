//===- HeaderFlagsCommand.cpp - wdfcheck header-flags (a diagnostic) ------===//
//
//   wdfcheck header-flags [--wdk=DIR | --kmdf-headers=DIR] [--cxx]
//                         [--kmdf=1.33] [--config=Debug|Release]
//                         [--platform=x64|ARM64] [--properties]
//
// Prints the flags a compile command of the header set holds around the
// project's own (HeaderSet.h), one a line: Before, a line "--", After.
// With --properties, the MSBuild properties the set answers, NAME=VALUE.
// Says which headers a project is checked with without a project at hand.
//
//===----------------------------------------------------------------------===//
#include "HeaderFlagsCommand.h"
#include "HeaderSet.h"
#include "Tool.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace wdfcheck {

int headerFlagsCommand(int Argc, const char **Argv, const std::string &Share) {
  HeaderSetOptions SetOptions;
  bool Cxx = false, Debug = true, Properties = false;
  unsigned Major = 0, Minor = 0;
  std::string Platform = "x64";
  auto Fail = [](const std::string &Message) {
    llvm::errs() << "wdfcheck: error: header-flags: " << Message << "\n";
    return ExitFailure;
  };
  for (int I = 0; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I], Value;
    if (Arg.consume_front("--wdk=")) {
      SetOptions.Wdk = Arg.str();
    } else if (Arg.consume_front("--kmdf-headers=")) {
      SetOptions.KmdfHeaders = Arg.str();
    } else if (Arg == "--cxx") {
      Cxx = true;
    } else if (Arg == "--properties") {
      Properties = true;
    } else if (Arg.consume_front("--kmdf=")) {
      auto [M, N] = Arg.split('.');
      if (M.getAsInteger(10, Major) || N.getAsInteger(10, Minor))
        return Fail("--kmdf takes a version like 1.33, not '" + Arg.str() +
                    "'");
    } else if (Arg.consume_front("--config=")) {
      Debug = !Arg.equals_insensitive("Release");
    } else if (Arg.consume_front("--platform=")) {
      Platform = Arg.str();
    } else {
      return Fail("unknown argument '" + Arg.str() + "'");
    }
  }
  HeaderSet Set;
  std::string Error;
  if (!chooseHeaderSet(SetOptions, Share, Set, Error)) {
    llvm::errs() << "wdfcheck: error: " << Error << "\n";
    return ExitFailure;
  }
  if (Properties) {
    for (const auto &[Name, Value] : headerProperties(Set))
      llvm::outs() << Name << "=" << Value << "\n";
    return ExitOk;
  }
  HeaderFlags F = headerFlags(Set, Major, Minor, Cxx, Debug, Platform);
  for (const std::string &A : F.Before)
    llvm::outs() << A << "\n";
  llvm::outs() << "--\n";
  for (const std::string &A : F.After)
    llvm::outs() << A << "\n";
  return ExitOk;
}

} // namespace wdfcheck
