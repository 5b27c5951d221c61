//===- CompileFailure.cpp - a file that did not compile, said usefully ----===//
#include "CompileFailure.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Regex.h"

#include <vector>

namespace wdfcheck {
namespace {

using llvm::StringRef;

// A line that starts a diagnostic of error severity: "file:1:2: error: ..."
// or "fatal error:"; the lines after it (notes, source, caret) belong to it.
bool startsError(StringRef Line) {
  return Line.contains(": error: ") || Line.contains(": fatal error: ");
}

// The quoted name after Lead in Message ("'X' file not found"), or "".
std::string quoted(StringRef Message, StringRef Lead) {
  llvm::SmallVector<StringRef, 2> Match;
  llvm::Regex R((Lead + llvm::Twine("'([^']+)'")).str());
  return R.match(Message, &Match) ? Match[1].str() : "";
}

std::string missingHeader(const std::string &Header, HeaderOrigin Headers) {
  StringRef H(Header);
  if (H.ends_with_insensitive(".tmh"))
    return Header + " is the trace header WPP generates at build time: "
                    "analyse the driver's .vcxproj, which generates it";
  switch (Headers) {
  case HeaderOrigin::Model:
    return Header + " is not among wdfcheck's model headers (they declare "
                    "the WDF and kernel DDIs only): check against the real "
                    "headers with --kmdf-headers=<Windows-Driver-Frameworks "
                    "checkout> or --wdk=<WDK>";
  case HeaderOrigin::KmdfHeaders:
    return "no include directory holds " + Header +
           ": a directory missing from the project, one an unknown macro "
           "left out (see the notes above), or a WDK header mingw-w64 does "
           "not have (a class extension's, for one): give a real WDK with "
           "--wdk=DIR";
  case HeaderOrigin::Wdk:
  case HeaderOrigin::Own:
    break;
  }
  return "no include directory holds " + Header +
         ": a directory missing from the project's include directories, "
         "or one an unknown macro left out (see the notes above)";
}

std::string undeclared(const std::string &Name, HeaderOrigin Headers) {
  if (StringRef(Name).starts_with("WPP_"))
    return Name + " comes from the WPP trace header generated at build "
                  "time: analyse the driver's .vcxproj, which generates it";
  switch (Headers) {
  case HeaderOrigin::Model:
    return Name + " is not declared by wdfcheck's model headers: check "
                  "against the real headers with --kmdf-headers=DIR or "
                  "--wdk=DIR";
  case HeaderOrigin::KmdfHeaders:
    return Name + " is declared by a header the build has and this set "
                  "lacks: mingw-w64 is not the WDK (give a real one with "
                  "--wdk=DIR), or a define or generated header of the "
                  "build";
  case HeaderOrigin::Wdk:
  case HeaderOrigin::Own:
    break;
  }
  return Name + " is not declared: a define of the build the compile "
                "command lacks, or a header it generates";
}

} // namespace

CompileFailure explainFailure(const std::string &Errors,
                              HeaderOrigin Headers) {
  CompileFailure F;
  llvm::SmallVector<StringRef, 32> Lines;
  StringRef(Errors).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  // Each diagnostic with the "In file included from" lines before it and
  // its notes and source lines after it.
  std::vector<std::string> Blocks;
  std::string Block;
  bool AfterInclude = false;
  for (StringRef Line : Lines) {
    bool Include = Line.starts_with("In file included from");
    if ((Include || startsError(Line)) && !AfterInclude && !Block.empty()) {
      Blocks.push_back(Block);
      Block.clear();
    }
    Block += Line.str() + "\n";
    AfterInclude = Include;
  }
  if (!Block.empty())
    Blocks.push_back(Block);
  for (const std::string &B : Blocks) {
    llvm::SmallVector<StringRef, 8> BlockLines;
    StringRef(B).split(BlockLines, '\n');
    if (llvm::none_of(BlockLines, startsError))
      continue;
    if (F.First.empty())
      F.First = B;
    else
      ++F.More;
  }
  if (F.First.empty()) // not the compiler's words: shown as they are
    F.First = Errors;
  StringRef Head;
  llvm::SmallVector<StringRef, 8> FirstLines;
  StringRef(F.First).split(FirstLines, '\n');
  for (StringRef Line : FirstLines)
    if (startsError(Line)) {
      Head = Line;
      break;
    }
  if (std::string H = quoted(Head, "fatal error: "); !H.empty() &&
      Head.contains("file not found"))
    F.Cause = missingHeader(H, Headers);
  else if (std::string N = quoted(Head, "use of undeclared identifier ");
           !N.empty())
    F.Cause = undeclared(N, Headers);
  else if (std::string T = quoted(Head, "unknown type name "); !T.empty())
    F.Cause = undeclared(T, Headers);
  else if (std::string C = quoted(Head, "call to undeclared function ");
           !C.empty())
    F.Cause = undeclared(C, Headers);
  return F;
}

} // namespace wdfcheck
