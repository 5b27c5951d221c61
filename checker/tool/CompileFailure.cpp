//===- CompileFailure.cpp - a file that did not compile, said usefully ----===//
#include "CompileFailure.h"

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
  // Each diagnostic with the "In file included from" lines before it and
  // its notes and source lines after it; Head is its error line, if any.
  struct Block {
    std::string Text;
    std::string Head;
  };
  std::vector<Block> Blocks(1);
  llvm::SmallVector<StringRef, 32> Lines;
  StringRef(Errors).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  bool AfterInclude = false;
  for (StringRef Line : Lines) {
    bool Include = Line.starts_with("In file included from");
    bool Error = startsError(Line);
    if ((Include || Error) && !AfterInclude && !Blocks.back().Text.empty())
      Blocks.emplace_back();
    Blocks.back().Text += Line.str() + "\n";
    if (Error && Blocks.back().Head.empty())
      Blocks.back().Head = Line.str();
    AfterInclude = Include;
  }
  CompileFailure F;
  std::string Head;
  for (const Block &B : Blocks) {
    if (B.Head.empty())
      continue;
    if (F.First.empty()) {
      F.First = B.Text;
      Head = B.Head;
    } else {
      ++F.More;
    }
  }
  if (F.First.empty()) // not the compiler's words: shown as they are
    F.First = Errors;
  if (std::string H = quoted(Head, "fatal error: ");
      !H.empty() && StringRef(Head).contains("file not found")) {
    F.Cause = missingHeader(H, Headers);
    return F;
  }
  for (StringRef Lead : {"use of undeclared identifier ", "unknown type name ",
                         "call to undeclared function "})
    if (std::string Name = quoted(Head, Lead); !Name.empty()) {
      F.Cause = undeclared(Name, Headers);
      break;
    }
  return F;
}

} // namespace wdfcheck
