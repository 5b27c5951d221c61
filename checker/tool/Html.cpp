//===- Html.cpp - --format=html: browsable reports ------------------------===//
//
// A directory of static pages, readable in any browser and as a CI
// artifact:
//
//   index.html      every finding, grouped by rule and then by file, with its
//                   message and a link to its page
//   finding-N.html  one finding: its rule and message, then each file its
//                   path runs through, the lines around each event, and the
//                   path's notes numbered under the lines they belong to;
//                   the finding's own line marked
//
// Nothing is loaded from elsewhere (no scripts, no fonts): the pages open
// from a file:// URL or an artifact store alike.
//
//===----------------------------------------------------------------------===//
#include "Html.h"
#include "Tool.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace wdfcheck {

using llvm::StringRef;

namespace {

// Lines of context shown around each event.
constexpr unsigned Context = 3;

std::string escape(StringRef Text) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

constexpr const char *Style = R"(<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
table.findings { border-collapse: collapse; }
table.findings td, table.findings th { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
.rule { font-weight: bold; white-space: nowrap; }
.error { color: #b00; } .warning { color: #a60; } .note { color: #06a; }
pre.source { background: #f8f8f8; border: 1px solid #ddd; padding: 0.5em; overflow-x: auto; }
.line { display: block; } .lineno { color: #888; display: inline-block; width: 4em; }
.primary { background: #fdd; }
.event { display: block; margin: 2px 0 4px 4em; padding: 2px 6px; background: #ffd; border: 1px solid #cc9; border-radius: 4px; font-family: sans-serif; white-space: pre-wrap; }
.event.final { background: #fcc; border-color: #c99; }
.gap { color: #888; display: block; }
</style>)";

// The lines of the files shown, each read once.
class Sources {
public:
  const std::vector<std::string> &lines(const std::string &File) {
    auto [It, Inserted] = Files.try_emplace(File);
    if (Inserted)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        llvm::SmallVector<StringRef, 0> Lines;
        (*Buffer)->getBuffer().split(Lines, '\n');
        for (StringRef L : Lines)
          It->second.push_back(L.rtrim("\r").str());
      }
    return It->second;
  }

private:
  std::map<std::string, std::vector<std::string>> Files;
};

void pageStart(llvm::raw_ostream &OS, StringRef Title) {
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
     << "<title>" << escape(Title) << "</title>\n"
     << Style << "</head><body>\n";
}

// One file of a finding's path: the lines around its events, each event
// numbered in path order under its line.
void writeFileSection(llvm::raw_ostream &OS, const std::string &File,
                      const Finding &F, Sources &Src,
                      const OutputContext &Ctx) {
  const std::vector<std::string> &Lines = Src.lines(File);
  std::map<unsigned, std::vector<std::pair<unsigned, const PathNote *>>> At;
  for (unsigned I = 0; I < F.Path.size(); ++I)
    if (F.Path[I].Where.File == File)
      At[F.Path[I].Where.Line].push_back({I + 1, &F.Path[I]});
  std::set<unsigned> Shown;
  auto Show = [&](unsigned Line) {
    for (unsigned L = Line > Context ? Line - Context : 1;
         L <= Line + Context && L <= Lines.size(); ++L)
      Shown.insert(L);
  };
  for (const auto &Entry : At)
    Show(Entry.first);
  if (F.Where.File == File)
    Show(F.Where.Line);
  OS << "<h2>" << escape(pathUnder(File, Ctx.BaseDir)) << "</h2>\n"
     << "<pre class=\"source\">";
  unsigned Previous = 0;
  for (unsigned L : Shown) {
    if (Previous && L != Previous + 1)
      OS << "<span class=\"gap\">...</span>";
    Previous = L;
    bool Primary = F.Where.File == File && F.Where.Line == L;
    OS << "<span class=\"line" << (Primary ? " primary" : "") << "\" id=\"L"
       << L << "\"><span class=\"lineno\">" << L << "</span>"
       << escape(Lines[L - 1]) << "</span>";
    auto It = At.find(L);
    if (It == At.end())
      continue;
    for (const auto &[Number, Note] : It->second)
      OS << "<span class=\"event"
         << (Number == F.Path.size() ? " final" : "") << "\">" << Number
         << ". " << escape(Note->Message) << "</span>";
  }
  OS << "</pre>\n";
}

bool writeFindingPage(const std::string &Path, const Finding &F, unsigned N,
                      Sources &Src, const OutputContext &Ctx,
                      std::string &Error) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC) {
    Error = "cannot write '" + Path + "': " + EC.message();
    return false;
  }
  std::string Title = std::string(F.Rule->Id) + " " + F.Rule->Name;
  pageStart(OS, Title + " - wdfcheck");
  OS << "<p><a href=\"index.html\">All findings</a></p>\n"
     << "<h1><span class=\"" << F.Rule->severityName() << "\">"
     << escape(F.Rule->Id) << "</span> " << escape(F.Rule->CheckerName)
     << ": " << escape(F.Rule->Title) << "</h1>\n"
     << "<p class=\"message\" id=\"message\">" << escape(F.Message)
     << "</p>\n<p>" << escape(pathUnder(F.Where.File, Ctx.BaseDir)) << ":"
     << F.Where.Line << ":" << F.Where.Column;
  if (!F.Function.empty())
    OS << ", in <code>" << escape(F.Function) << "</code>";
  OS << ". Finding " << N << "; the rule's page: <code>wdfcheck explain "
     << F.Rule->Id << "</code>.</p>\n";
  // The files in the order the path enters them; the finding's own first.
  std::vector<std::string> Files{F.Where.File};
  for (const PathNote &Note : F.Path)
    if (llvm::find(Files, Note.Where.File) == Files.end())
      Files.push_back(Note.Where.File);
  for (const std::string &File : Files)
    writeFileSection(OS, File, F, Src, Ctx);
  OS << "</body></html>\n";
  return true;
}

} // namespace

bool writeHtml(const std::string &Dir, const std::vector<FileResult> &Results,
               const OutputContext &Ctx, std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create the report directory '" + Dir + "': " + EC.message();
    return false;
  }
  // Rule, then file, then line: the index's order.
  std::vector<const Finding *> All;
  for (const FileResult &R : Results)
    for (const Finding &F : R.Findings)
      All.push_back(&F);
  std::vector<unsigned> Number(All.size());
  Sources Src;
  for (unsigned I = 0; I < All.size(); ++I) {
    Number[I] = I + 1;
    llvm::SmallString<256> Page(Dir);
    llvm::sys::path::append(Page, llvm::formatv("finding-{0}.html", I + 1).str());
    if (!writeFindingPage(std::string(Page), *All[I], I + 1, Src, Ctx, Error))
      return false;
  }
  std::vector<unsigned> Order(All.size());
  for (unsigned I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](unsigned A, unsigned B) {
    const Finding &X = *All[A], &Y = *All[B];
    return std::make_tuple(StringRef(X.Rule->Id), StringRef(X.Where.File),
                           X.Where.Line, A) <
           std::make_tuple(StringRef(Y.Rule->Id), StringRef(Y.Where.File),
                           Y.Where.Line, B);
  });

  llvm::SmallString<256> IndexPath(Dir);
  llvm::sys::path::append(IndexPath, "index.html");
  std::error_code EC;
  llvm::raw_fd_ostream OS(IndexPath, EC);
  if (EC) {
    Error = "cannot write '" + std::string(IndexPath) + "': " + EC.message();
    return false;
  }
  pageStart(OS, "wdfcheck findings");
  unsigned Failed = 0;
  for (const FileResult &R : Results)
    Failed += !R.Analysed;
  OS << "<h1>wdfcheck: " << All.size()
     << (All.size() == 1 ? " finding" : " findings") << " in "
     << Results.size() << (Results.size() == 1 ? " file" : " files")
     << "</h1>\n";
  if (Failed)
    OS << "<p class=\"error\">" << Failed
       << (Failed == 1 ? " file" : " files")
       << " could not be analysed (see wdfcheck's output).</p>\n";
  StringRef Rule;
  std::string File;
  for (unsigned I : Order) {
    const Finding &F = *All[I];
    if (Rule != F.Rule->Id) {
      if (!Rule.empty())
        OS << "</table>\n";
      Rule = F.Rule->Id;
      File.clear();
      OS << "<h2 id=\"" << F.Rule->Id << "\"><span class=\""
         << F.Rule->severityName() << "\">" << F.Rule->Id << "</span> "
         << escape(F.Rule->CheckerName) << ": " << escape(F.Rule->Title)
         << "</h2>\n<table class=\"findings\">\n";
    }
    std::string Shown = pathUnder(F.Where.File, Ctx.BaseDir);
    OS << "<tr><td>" << (Shown != File ? escape(Shown) : "") << "</td><td>"
       << "<a href=\"finding-" << Number[I] << ".html\">line " << F.Where.Line
       << "</a></td><td>" << escape(F.Message) << "</td></tr>\n";
    File = Shown;
  }
  if (!Rule.empty())
    OS << "</table>\n";
  OS << "</body></html>\n";
  return true;
}

} // namespace wdfcheck
