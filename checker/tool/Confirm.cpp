//===- Confirm.cpp - wdfcheck confirm -------------------------------------===//
//
// Two SARIF 2.1.0 logs go in: the static analysis's (wdfcheck
// --format=sarif) and the runtime model's (a harness program's --sarif).
// A static finding is confirmed when the runtime reported the same rule at
// the same place:
//
// - the same file and line (columns are the analyzer's alone); the static
//   log names files relative to %SRCROOT% (resolved through its
//   originalUriBaseIds), the runtime's as __FILE__ gave them -- both are
//   made absolute and normalised, and when a root is missing the trailing
//   path components are compared;
// - for WM004, the runtime reports the creation site of the leaked objects,
//   which the static finding carries as a related location;
// - for a callback that returns at the wrong IRQL, the runtime names the
//   callback (a logical location) and the static finding names the
//   function in its logical locations or its message ("'F' returns at").
//   The runtime's place is the last DDI the callback called, which may be
//   in another file than the callback (a lock helper of lock.c; a
//   whole-driver analysis, --ctu, follows such calls): the names pair when
//   that file is one the static path goes through (its locations, related
//   locations and code flows), or when the static log names the function
//   exactly and at one place only (no same-named function elsewhere for the
//   file to tell apart).
// - for pageable code above APC_LEVEL (WM011), the runtime reports the
//   PAGED_CODE() inside the function and names it; the static finding is at
//   the raise, call or registration: they pair when the static path reaches
//   that PAGED_CODE() line, or when the static finding names the function
//   (logical locations, or 'F' quoted in its message) under the same
//   conditions as a callback's return.  WM010 pairs by place: the runtime's
//   place is the touch, as the static one's.
//
//===----------------------------------------------------------------------===//
#include "Confirm.h"
#include "SarifLog.h"
#include "Tool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <optional>

using llvm::StringRef;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace wdfcheck {
namespace {

// A place in the source: a normalised path (absolute when it could be
// resolved) and a line.
struct Place {
  std::string Path;
  bool Absolute = false;
  std::string Shown; // as the log wrote it, for the summary
  int64_t Line = 0, Column = 0;
};

struct Finding {
  std::string Rule, Message, Kind;
  std::optional<Place> Where;
  std::vector<Place> Related;
  std::vector<Place> Path;            // code flows' and related locations
  std::vector<std::string> Functions; // named by logical locations
  Object *Result = nullptr;           // the static result, to annotate
};

struct Log {
  std::string File;
  Value Root = nullptr;
  std::vector<Finding> Findings;
  std::string ToolName;
};

// --- paths -------------------------------------------------------------------

std::string percentDecode(StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    unsigned Byte;
    if (Text[I] == '%' && I + 2 < Text.size() &&
        !Text.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out += static_cast<char>(Byte);
      I += 2;
    } else {
      Out += Text[I];
    }
  }
  return Out;
}

// "file:///a/b" and "file://localhost/a/b" give "/a/b"; other URIs nothing.
std::optional<std::string> filePath(StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  Uri.consume_front("localhost");
  return percentDecode(Uri);
}

std::string normalise(StringRef Path) {
  llvm::SmallString<256> Normal(Path);
  llvm::sys::path::remove_dots(Normal, /*remove_dot_dot=*/true);
  return std::string(Normal);
}

// The base a uriBaseId stands for, from the run's originalUriBaseIds
// (which may themselves be relative to another base).
std::optional<std::string> baseOf(const Object &Run, StringRef Id,
                                  unsigned Depth = 0) {
  const Object *Bases = Run.getObject("originalUriBaseIds");
  const Object *Base = Bases ? Bases->getObject(Id) : nullptr;
  if (!Base || Depth > 4)
    return std::nullopt;
  std::optional<StringRef> Uri = Base->getString("uri");
  if (!Uri)
    return std::nullopt;
  if (std::optional<std::string> Path = filePath(*Uri))
    return Path;
  if (std::optional<StringRef> Outer = Base->getString("uriBaseId"))
    if (std::optional<std::string> Root = baseOf(Run, *Outer, Depth + 1))
      return *Root + "/" + percentDecode(*Uri);
  return std::nullopt;
}

std::optional<Place> placeOf(const Object &Run, const Object *Physical) {
  if (!Physical)
    return std::nullopt;
  const Object *Artifact = Physical->getObject("artifactLocation");
  const Object *Region = Physical->getObject("region");
  std::optional<StringRef> Uri =
      Artifact ? Artifact->getString("uri") : std::nullopt;
  std::optional<int64_t> Line =
      Region ? Region->getInteger("startLine") : std::nullopt;
  if (!Uri || !Line)
    return std::nullopt;
  Place P;
  P.Line = *Line;
  P.Column = Region->getInteger("startColumn").value_or(0);
  if (std::optional<std::string> Path = filePath(*Uri)) {
    P.Path = normalise(*Path);
    P.Absolute = true;
    P.Shown = *Path;
    return P;
  }
  P.Shown = percentDecode(*Uri);
  std::optional<StringRef> Id = Artifact->getString("uriBaseId");
  std::optional<std::string> Base = Id ? baseOf(Run, *Id) : std::nullopt;
  if (Base) {
    P.Path = normalise(*Base + "/" + P.Shown);
    P.Absolute = true;
  } else {
    P.Path = normalise(P.Shown);
  }
  return P;
}

std::vector<StringRef> components(StringRef Path) {
  std::vector<StringRef> Parts;
  for (auto I = llvm::sys::path::begin(Path), E = llvm::sys::path::end(Path);
       I != E; ++I)
    if (*I != "/" && *I != "." && *I != "..")
      Parts.push_back(*I);
  return Parts;
}

// Equal absolute paths; or, when either could not be made absolute, the
// components of the shorter ending the longer.
bool samePath(const Place &A, const Place &B) {
  if (A.Absolute && B.Absolute)
    return A.Path == B.Path;
  std::vector<StringRef> X = components(A.Path), Y = components(B.Path);
  if (X.size() > Y.size())
    std::swap(X, Y);
  if (X.empty())
    return false;
  return std::equal(X.rbegin(), X.rend(), Y.rbegin());
}

bool samePlace(const Place &A, const Place &B) {
  return A.Line == B.Line && samePath(A, B);
}

// --- reading a log -------------------------------------------------------------

// The function a static message names first: "'F' returns at ...".
std::optional<std::string> quotedFunction(StringRef Message) {
  if (!Message.consume_front("'"))
    return std::nullopt;
  size_t End = Message.find('\'');
  if (End == StringRef::npos || End == 0)
    return std::nullopt;
  return Message.take_front(End).str();
}

// The places of a result's code flows
// (codeFlows[].threadFlows[].locations[].location.physicalLocation).
void addFlowPlaces(const Object &Run, const Object &Result,
                   std::vector<Place> &Places) {
  auto Objects = [](const Object *Parent, StringRef Key) {
    std::vector<const Object *> Out;
    if (const Array *List = Parent ? Parent->getArray(Key) : nullptr)
      for (const Value &Item : *List)
        if (const Object *O = Item.getAsObject())
          Out.push_back(O);
    return Out;
  };
  for (const Object *Flow : Objects(&Result, "codeFlows"))
    for (const Object *Thread : Objects(Flow, "threadFlows"))
      for (const Object *Step : Objects(Thread, "locations"))
        if (const Object *Location = Step->getObject("location"))
          if (std::optional<Place> P =
                  placeOf(Run, Location->getObject("physicalLocation")))
            Places.push_back(*P);
}

bool readFinding(const Object &Run, Object &Result, size_t Index,
                 Finding &F, std::string &Error) {
  std::optional<StringRef> Rule = Result.getString("ruleId");
  if (!Rule) {
    Error = llvm::formatv("result {0} has no ruleId", Index);
    return false;
  }
  F.Rule = Rule->str();
  F.Result = &Result;
  if (const Object *Message = Result.getObject("message"))
    if (std::optional<StringRef> Text = Message->getString("text"))
      F.Message = Text->str();
  if (const Object *Properties = Result.getObject("properties"))
    if (std::optional<StringRef> Kind = Properties->getString("kind"))
      F.Kind = Kind->str();
  if (const Array *Locations = Result.getArray("locations"))
    for (const Value &L : *Locations) {
      const Object *Location = L.getAsObject();
      if (!Location)
        continue;
      if (!F.Where)
        F.Where = placeOf(Run, Location->getObject("physicalLocation"));
      if (const Array *Logical = Location->getArray("logicalLocations"))
        for (const Value &N : *Logical)
          if (const Object *Name = N.getAsObject()) {
            if (std::optional<StringRef> S = Name->getString("name"))
              F.Functions.push_back(S->str());
            if (std::optional<StringRef> S =
                    Name->getString("fullyQualifiedName"))
              F.Functions.push_back(S->str());
          }
    }
  if (std::optional<std::string> Quoted = quotedFunction(F.Message))
    F.Functions.push_back(*Quoted);
  if (const Array *Related = Result.getArray("relatedLocations"))
    for (const Value &R : *Related)
      if (const Object *Location = R.getAsObject())
        if (std::optional<Place> P =
                placeOf(Run, Location->getObject("physicalLocation")))
          F.Related.push_back(*P);
  F.Path = F.Related;
  addFlowPlaces(Run, Result, F.Path);
  return true;
}

bool loadLog(const std::string &File, Log &L, std::string &Error) {
  L.File = File;
  JsonFile Read = readJsonFile(File);
  if (!Read.IoError.empty()) {
    Error = "cannot read '" + File + "': " + Read.IoError;
    return false;
  }
  if (!Read.ParseError.empty()) {
    Error = "'" + File + "' is not JSON: " + Read.ParseError;
    return false;
  }
  L.Root = std::move(*Read.Value);
  Object *Root = L.Root.getAsObject();
  std::optional<StringRef> Version =
      Root ? Root->getString("version") : std::nullopt;
  if (!Version || *Version != "2.1.0") {
    Error = "'" + File + "' is not a SARIF 2.1.0 log (" +
            (Version ? "its version is '" + Version->str() + "'"
                     : std::string("it has no \"version\": \"2.1.0\"")) +
            ")";
    return false;
  }
  Array *Runs = Root->getArray("runs");
  if (!Runs || Runs->empty()) {
    Error = "'" + File + "' has no runs: there is nothing to pair";
    return false;
  }
  size_t Index = 0;
  for (Value &R : *Runs) {
    Object *Run = R.getAsObject();
    if (!Run) {
      Error = "'" + File + "': a run is not a JSON object";
      return false;
    }
    if (std::optional<StringRef> Name = toolName(*Run))
      L.ToolName = Name->str();
    Value *Results = Run->get("results");
    if (!Results || Results->kind() == Value::Null)
      continue;
    Array *List = Results->getAsArray();
    if (!List) {
      Error = "'" + File + "': \"results\" is not an array";
      return false;
    }
    for (Value &Item : *List) {
      Object *Result = Item.getAsObject();
      Finding F;
      if (!Result || !readFinding(*Run, *Result, Index, F, Error)) {
        Error = "'" + File + "': " +
                (Result ? Error : llvm::formatv("result {0} is not an object",
                                                Index).str());
        return false;
      }
      L.Findings.push_back(std::move(F));
      ++Index;
    }
  }
  return true;
}

// --- pairing -------------------------------------------------------------------

// A function's name without its scopes and parameters: the runtime names a
// C++ callback by its mangled symbol ("_ZN5xform5Queue7OnWriteE..."), the
// analyzer by what the source says ("OnWrite" or "xform::Queue::OnWrite").
std::string plainName(StringRef Name) {
  std::string Demangled = llvm::demangle(Name);
  StringRef Plain = Demangled;
  Plain = Plain.take_until([](char C) { return C == '('; });
  size_t Scope = Plain.rfind("::");
  if (Scope != StringRef::npos)
    Plain = Plain.drop_front(Scope + 2);
  return Plain.str();
}

bool namesFunction(const Finding &Static, StringRef Function) {
  std::string Wanted = plainName(Function);
  for (const std::string &Name : Static.Functions)
    if (Name == Function || plainName(Name) == Wanted)
      return true;
  return false;
}

// The static finding's path goes through Site's file: its location, or a
// step of its path (a call followed into another file).
bool pathVisits(const Finding &Static, const Place &Site) {
  if (Static.Where && samePath(*Static.Where, Site))
    return true;
  for (const Place &P : Static.Path)
    if (samePath(P, Site))
      return true;
  return false;
}

// Static names Function as the runtime wrote it (a C function: no scopes,
// no mangling), and no other finding of its rule in the static log names a
// function of that name at another place: the name alone tells which
// finding it is.
bool onlyFindingNaming(const Log &StaticLog, const Finding &Static,
                       StringRef Function) {
  if (llvm::find(Static.Functions, Function) == Static.Functions.end())
    return false;
  for (const Finding &Other : StaticLog.Findings) {
    if (&Other == &Static || Other.Rule != Static.Rule ||
        !namesFunction(Other, Function))
      continue;
    bool SamePlace = Other.Where && Static.Where &&
                     samePlace(*Other.Where, *Static.Where);
    if (!SamePlace) // the same finding reported twice is still one place
      return false;
  }
  return true;
}

// Static names Function, or quotes it anywhere in its message ("call of
// pageable 'F' at DISPATCH_LEVEL").
bool mentionsFunction(const Finding &Static, StringRef Function) {
  return namesFunction(Static, Function) ||
         StringRef(Static.Message).contains(("'" + Function + "'").str());
}

// No other finding of Static's rule mentions Function at another place.
bool onlyFindingMentioning(const Log &StaticLog, const Finding &Static,
                           StringRef Function) {
  for (const Finding &Other : StaticLog.Findings) {
    if (&Other == &Static || Other.Rule != Static.Rule ||
        !mentionsFunction(Other, Function))
      continue;
    if (!(Other.Where && Static.Where && samePlace(*Other.Where, *Static.Where)))
      return false;
  }
  return true;
}

bool pairs(const Log &StaticLog, const Finding &Static,
           const Finding &Dynamic) {
  if (Static.Rule != Dynamic.Rule || !Dynamic.Where)
    return false;
  if (Static.Where && samePlace(*Static.Where, *Dynamic.Where))
    return true;
  // WM004: the runtime names the creation site, a related location here.
  if (Static.Rule == "WM004")
    for (const Place &P : Static.Related)
      if (samePlace(P, *Dynamic.Where))
        return true;
  // A callback returning at the wrong IRQL: the same function.  The
  // runtime's place is the last DDI the callback called, perhaps in a helper
  // of another file.
  if (Dynamic.Kind == "callback-return")
    for (const std::string &Function : Dynamic.Functions)
      if (namesFunction(Static, Function) &&
          (!Static.Where || pathVisits(Static, *Dynamic.Where) ||
           onlyFindingNaming(StaticLog, Static, Function)))
        return true;
  // Pageable code above APC_LEVEL: the runtime reports the PAGED_CODE()
  // inside the pageable function, the analyzer the raise, call or
  // registration that brings it there.  They pair when the static path
  // reaches that PAGED_CODE(), or when the static finding names the
  // function and, as for a callback, its path goes through the function's
  // file or no other finding names a function of that name.
  if (Dynamic.Kind == "paged-code") {
    for (const Place &P : Static.Path)
      if (samePlace(P, *Dynamic.Where))
        return true;
    for (const std::string &Function : Dynamic.Functions)
      if (mentionsFunction(Static, Function) &&
          (pathVisits(Static, *Dynamic.Where) ||
           onlyFindingMentioning(StaticLog, Static, Function)))
        return true;
  }
  return false;
}

// A path as the user typed it: relative to the current directory when
// inside it.
std::string shown(const Place &P, const std::string &Cwd) {
  std::string Line = ":" + std::to_string(P.Line);
  if (P.Column)
    Line += ":" + std::to_string(P.Column);
  if (!P.Absolute)
    return P.Shown + Line;
  StringRef Path = P.Path;
  if (!Cwd.empty() && Path.consume_front(Cwd) && Path.consume_front("/"))
    return Path.str() + Line;
  return P.Path + Line;
}

// "queue.c:46:12: WM007 WdfMemoryCreate allocates executable ...": the
// message up to its explanation (after the first ": ").
std::string describe(const Finding &F, const std::string &Cwd) {
  std::string Where = F.Where ? shown(*F.Where, Cwd) : "<no location>";
  StringRef Message(F.Message);
  size_t Colon = Message.find(": ");
  return Where + ": " + F.Rule + " " + Message.take_front(Colon).str();
}

// --- the command ---------------------------------------------------------------

// Reads both logs; false, with the reason on Err, when either cannot be used
// or they were given in the wrong order.
bool loadLogs(const std::vector<std::string> &Files, Log &Static, Log &Dynamic,
              llvm::raw_ostream &Err) {
  std::string Error;
  if (!loadLog(Files[0], Static, Error) || !loadLog(Files[1], Dynamic, Error)) {
    Err << "wdfcheck: error: " << Error << "\n";
    return false;
  }
  if (Static.ToolName == "wdfrt" && Dynamic.ToolName == "wdfcheck") {
    Err << "wdfcheck: error: '" << Files[0] << "' is the runtime's log and '"
        << Files[1] << "' the static analysis's: give the static log first\n";
    return false;
  }
  return true;
}

// Which runtime finding confirms each static finding: the first that pairs
// with it (one runtime finding may confirm several static ones).
struct Pairing {
  std::vector<const Finding *> Match; // per static finding; null: unconfirmed
  std::vector<bool> Used;             // per runtime finding
  unsigned Confirmed = 0;
};

Pairing pairFindings(const Log &Static, const Log &Dynamic) {
  Pairing P;
  P.Match.assign(Static.Findings.size(), nullptr);
  P.Used.assign(Dynamic.Findings.size(), false);
  for (size_t S = 0; S < Static.Findings.size(); ++S)
    for (size_t D = 0; D < Dynamic.Findings.size(); ++D)
      if (pairs(Static, Static.Findings[S], Dynamic.Findings[D])) {
        P.Match[S] = &Dynamic.Findings[D];
        P.Used[D] = true;
        ++P.Confirmed;
        break;
      }
  return P;
}

// Marks each static result in its log: properties.confirmed, and for a
// confirmed one the runtime's message and location.
void annotate(Log &Static, const Pairing &P) {
  for (size_t S = 0; S < Static.Findings.size(); ++S) {
    Object &Result = *Static.Findings[S].Result;
    Object *Properties = Result.getObject("properties");
    if (!Properties) {
      Result.try_emplace("properties", Object{});
      Properties = Result.getObject("properties");
    }
    const Finding *Match = P.Match[S];
    (*Properties)["confirmed"] = Match != nullptr;
    if (Match) {
      (*Properties)["dynamicMessage"] = Match->Message;
      if (Match->Where)
        (*Properties)["dynamicLocation"] =
            Match->Where->Shown + ":" + std::to_string(Match->Where->Line);
    }
  }
}

// Writes the annotated static log; false, with the reason on Err, when the
// file cannot be written.
bool writeLog(const Log &L, const std::string &OutputFile,
              llvm::raw_ostream &Err) {
  std::error_code EC;
  llvm::raw_fd_ostream File(OutputFile, EC);
  if (EC) {
    Err << "wdfcheck: error: cannot write '" << OutputFile
        << "': " << EC.message() << "\n";
    return false;
  }
  File << llvm::formatv("{0:2}", L.Root) << "\n";
  return true;
}

// "3 of 4 findings confirmed at run time", then each static finding,
// confirmed ones first, and the runtime findings no static one paired with.
void printSummary(llvm::raw_ostream &Out, const Log &Static,
                  const Log &Dynamic, const Pairing &P) {
  std::string Cwd = currentDir();
  size_t Total = Static.Findings.size();
  Out << P.Confirmed << " of " << Total
      << (Total == 1 ? " finding" : " findings") << " confirmed at run time\n";
  for (size_t S = 0; S < Total; ++S)
    if (P.Match[S])
      Out << "  confirmed: " << describe(Static.Findings[S], Cwd) << "\n";
  for (size_t S = 0; S < Total; ++S)
    if (!P.Match[S])
      Out << "  not confirmed: " << describe(Static.Findings[S], Cwd) << "\n";
  unsigned Alone = 0;
  for (size_t D = 0; D < Dynamic.Findings.size(); ++D)
    Alone += !P.Used[D];
  if (Alone) {
    Out << Alone << " runtime " << (Alone == 1 ? "finding" : "findings")
        << " with no static counterpart:\n";
    for (size_t D = 0; D < Dynamic.Findings.size(); ++D)
      if (!P.Used[D])
        Out << "  runtime only: " << describe(Dynamic.Findings[D], Cwd) << "\n";
  }
}

} // namespace

int runConfirm(const std::vector<std::string> &Logs,
               const std::string &OutputFile, llvm::raw_ostream &Out,
               llvm::raw_ostream &Err) {
  if (Logs.size() != 2) {
    Err << "wdfcheck: error: confirm takes two SARIF logs: wdfcheck confirm "
           "<static.sarif> <dynamic.sarif> [-o <merged.sarif>]\n";
    return ExitFailure;
  }
  Log Static, Dynamic;
  if (!loadLogs(Logs, Static, Dynamic, Err))
    return ExitFailure;
  Pairing P = pairFindings(Static, Dynamic);
  annotate(Static, P);
  if (!OutputFile.empty() && !writeLog(Static, OutputFile, Err))
    return ExitFailure;
  printSummary(Out, Static, Dynamic, P);
  return ExitOk;
}

} // namespace wdfcheck
