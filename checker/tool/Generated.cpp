//===- Generated.cpp - the headers a driver's build generates -------------===//
//
// Stand-ins for what the WDK's build tools write before the compiler runs:
//
// - tracewpp (<source>.tmh).  Every trace function (the project's
//   <WppTraceFunction>s and the FUNC lines of the begin_wpp config blocks
//   tracewpp scans) becomes a variadic macro that calls one declared
//   function with all the arguments, so the argument expressions stay in
//   the AST: a handle passed to a trace is used there.  A double-paren
//   function (Hexdump((LEVEL, FLAGS, MSG, ...))) loses its inner
//   parentheses the same way.  The flag names of WPP_DEFINE_BIT(...) become
//   enumerators with WPP's bit values (WPP itself token-pastes them and
//   never declares the bare names; driver code only passes them to trace
//   calls, which we keep).  WPP_INIT_TRACING / WPP_CLEANUP call declared
//   functions.  KdPrint and DbgPrint are never redefined.  Everything is
//   guarded, so the .tmh works before or after the config header and with
//   other .tmh files in the same translation unit, and it needs no type
//   from the WDK headers.
// - mc.exe on a message file: the ';' lines verbatim, the facility and
//   severity names, one #define per message with mc's arithmetic
//   (Severity << 30 | Facility << 16 | Id).
// - mc.exe -km on an ETW manifest (libxml2): the provider GUID, the
//   keyword / task / opcode / channel symbols, EventRegister<Provider>,
//   EventUnregister<Provider>, EventEnabled<Event> and EventWrite<Event>
//   with one parameter per field of its template (after the activity id),
//   each a call of a declared function that keeps its arguments.
// - wmimofck -h on a WMI .mof: per class its GUID macro and DEFINE_GUID,
//   the data-block struct (WmiDataId items in id order, WMI types mapped to
//   the WDK's, a string or a variable array ending the fixed part as
//   wmimofck does), the _SIZE / _ID macros, and per method its id and its
//   _IN / _OUT structs.
//
// Files are only rewritten when their text changes, so a build that
// depends on them is not redone.
//
//===----------------------------------------------------------------------===//
#include "Generated.h"
#include "DiskPath.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

using llvm::StringRef;

namespace wdfcheck {
namespace {

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

// The text of Path as UTF-8: a UTF-16 file (mc and mofcomp accept them,
// with a byte-order mark) is converted, a UTF-8 mark dropped.
bool readText(const std::string &Path, std::string &Text, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    Error = "cannot read '" + Path + "': " + Buffer.getError().message();
    return false;
  }
  StringRef Bytes = (*Buffer)->getBuffer();
  if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF")) {
    if (!llvm::convertUTF16ToUTF8String(
            llvm::ArrayRef<char>(Bytes.data(), Bytes.size()), Text)) {
      Error = "'" + Path + "' is not valid UTF-16";
      return false;
    }
    return true;
  }
  Bytes.consume_front("\xEF\xBB\xBF");
  Text = Bytes.str();
  return true;
}

// Writes Text to Path (making its directory) unless Path holds it already.
bool writeText(const std::string &Path, const std::string &Text,
               std::string &Error) {
  if (auto Old = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false))
    if ((*Old)->getBuffer() == Text)
      return true;
  StringRef Dir = llvm::sys::path::parent_path(Path);
  if (!Dir.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
      Error = "cannot create '" + Dir.str() + "': " + EC.message();
      return false;
    }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC) {
    Error = "cannot write '" + Path + "': " + EC.message();
    return false;
  }
  OS << Text;
  OS.close();
  if (OS.has_error()) {
    Error = "cannot write '" + Path + "': " + OS.error().message();
    OS.clear_error();
    return false;
  }
  return true;
}

std::string stemOf(const std::string &Path) {
  return llvm::sys::path::stem(Path).str();
}

std::string joinPath(const std::string &Dir, const std::string &Name) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Name);
  return std::string(P);
}

// Dir/Name as Windows would find it: the exact spelling, else a file of
// the directory whose name differs only in case (each component).
std::optional<std::string> findCaseless(const std::string &Dir,
                                        StringRef Name) {
  bool Found = false;
  std::string Path = diskPath(Name, Dir, Found);
  if (Found && llvm::sys::fs::is_regular_file(Path))
    return Path;
  return std::nullopt;
}

bool isIdent(StringRef S) {
  if (S.empty() || llvm::isDigit(S.front()))
    return false;
  return llvm::all_of(S, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

// A C identifier made of Name (characters that cannot be in one become
// '_'), not empty.
std::string identOf(StringRef Name) {
  std::string Out;
  for (char C : Name)
    Out += (llvm::isAlnum(C) || C == '_') ? C : '_';
  if (Out.empty() || llvm::isDigit(Out.front()))
    Out = "_" + Out;
  return Out;
}

//===----------------------------------------------------------------------===//
// A GUID as text: "{bba21300-6dd3-11d2-b844-00c04fad5171}" (braces
// optional) or WPP's "(bba21300,6dd3,11d2,b844,00c04fad5171)".
//===----------------------------------------------------------------------===//

struct Guid {
  uint32_t Data1 = 0;
  uint16_t Data2 = 0, Data3 = 0;
  uint8_t Data4[8] = {};

  // {0xbba21300,0x6dd3,0x11d2,{0xb8,0x44,...}}
  std::string initializer() const {
    std::string S = llvm::formatv("{ 0x{0:x-8},0x{1:x-4},0x{2:x-4}, { ", Data1,
                                  Data2, Data3);
    for (unsigned I = 0; I < 8; ++I)
      S += llvm::formatv("{0}0x{1:x-2}", I ? "," : "", Data4[I]).str();
    return S + " } }";
  }
  // 0xbba21300,0x6dd3,0x11d2,0xb8,0x44,... (DEFINE_GUID's arguments)
  std::string arguments() const {
    std::string S =
        llvm::formatv("0x{0:x-8},0x{1:x-4},0x{2:x-4}", Data1, Data2, Data3);
    for (uint8_t B : Data4)
      S += llvm::formatv(",0x{0:x-2}", B).str();
    return S;
  }
};

std::optional<Guid> parseGuid(StringRef Text) {
  std::string Hex;
  for (char C : Text.trim().trim("{}()").trim())
    if (llvm::isHexDigit(C))
      Hex += C;
    else if (C != '-' && C != ',' && !llvm::isSpace(C))
      return std::nullopt;
  if (Hex.size() != 32)
    return std::nullopt;
  Guid G;
  auto Take = [&](unsigned Pos, unsigned Len) {
    uint64_t V = 0;
    StringRef(Hex).substr(Pos, Len).getAsInteger(16, V);
    return V;
  };
  G.Data1 = uint32_t(Take(0, 8));
  G.Data2 = uint16_t(Take(8, 4));
  G.Data3 = uint16_t(Take(12, 4));
  for (unsigned I = 0; I < 8; ++I)
    G.Data4[I] = uint8_t(Take(16 + 2 * I, 2));
  return G;
}

//===----------------------------------------------------------------------===//
// WPP
//===----------------------------------------------------------------------===//

// A trace function: its name and whether its arguments come in double
// parentheses (KdPrint style).
struct TraceFunction {
  std::string Name;
  bool DoubleParen = false;
};

// The functions WPP may be told to replace but that the WDK's headers
// declare: a stand-in must not turn them into something else.
bool isSystemPrint(StringRef Name) {
  return llvm::is_contained(
      std::initializer_list<StringRef>{"KdPrint", "KdPrintEx", "DbgPrint",
                                       "DbgPrintEx", "vDbgPrintEx",
                                       "vDbgPrintExWithPrefix"},
      Name);
}

// "TraceEvents(LEVEL,FLAGS,MSG,...)", "Hexdump((LEVEL,FLAGS,MSG,...))",
// "Trace{FLAGS=X}(LEVEL, MSG, ...)".  None for text that is no function.
std::optional<TraceFunction> parseTraceSpec(StringRef Spec) {
  Spec = Spec.trim();
  size_t End = 0;
  while (End < Spec.size() && (llvm::isAlnum(Spec[End]) || Spec[End] == '_'))
    ++End;
  TraceFunction F;
  F.Name = Spec.take_front(End).str();
  if (!isIdent(F.Name))
    return std::nullopt;
  StringRef Rest = Spec.drop_front(End).ltrim();
  if (Rest.consume_front("{")) {
    size_t Close = Rest.find('}');
    if (Close == StringRef::npos)
      return std::nullopt;
    Rest = Rest.drop_front(Close + 1).ltrim();
  }
  if (!Rest.consume_front("("))
    return std::nullopt;
  F.DoubleParen = Rest.ltrim().starts_with("(");
  return F;
}

// The statement text of the begin_wpp config blocks of Text, comment
// leaders ("//", "*", "/*") removed, one line each.
std::vector<std::string> wppConfigLines(StringRef Text) {
  std::vector<std::string> Lines;
  size_t Pos = 0;
  while (true) {
    size_t Begin = Text.find("begin_wpp", Pos);
    if (Begin == StringRef::npos)
      break;
    StringRef After = Text.drop_front(Begin + strlen("begin_wpp"));
    size_t End = Text.find("end_wpp", Begin);
    if (End == StringRef::npos)
      End = Text.size();
    Pos = End;
    if (!After.ltrim(" \t").starts_with("config"))
      continue;
    StringRef Block = Text.slice(Begin, End);
    Block = Block.drop_front(Block.find('\n') == StringRef::npos
                                 ? Block.size()
                                 : Block.find('\n') + 1);
    llvm::SmallVector<StringRef, 32> Raw;
    Block.split(Raw, '\n');
    for (StringRef L : Raw) {
      L = L.trim();
      while (L.consume_front("//") || L.consume_front("/*") ||
             L.consume_front("*") || L.consume_front("#"))
        L = L.ltrim();
      L.consume_back("*/");
      if (!L.trim().empty())
        Lines.push_back(L.trim().str());
    }
  }
  return Lines;
}

// The trace functions the FUNC lines of Text's config blocks declare.
void wppConfigFunctions(StringRef Text, std::vector<TraceFunction> &Out) {
  for (const std::string &Line : wppConfigLines(Text)) {
    StringRef L(Line);
    if (!L.consume_front("FUNC") || L.empty() || !llvm::isSpace(L.front()))
      continue; // USEPREFIX, USESUFFIX, CUSTOM_TYPE, WPP_FLAGS: no code
    if (auto F = parseTraceSpec(L.ltrim()))
      Out.push_back(*F);
  }
}

// One flag of a control GUID: its name and bit.
struct WppFlag {
  std::string Name;
  unsigned Bit;
};

// The WPP_DEFINE_BIT(Name) flags of Text; bits count from 0 in each
// WPP_DEFINE_CONTROL_GUID.
void wppFlags(StringRef Text, std::vector<WppFlag> &Out) {
  unsigned Bit = 0;
  size_t Pos = 0;
  while (true) {
    size_t Control = Text.find("WPP_DEFINE_CONTROL_GUID", Pos);
    size_t Define = Text.find("WPP_DEFINE_BIT", Pos);
    if (Define == StringRef::npos)
      break;
    if (Control < Define) {
      Bit = 0;
      Pos = Control + 1;
      continue;
    }
    Pos = Define + strlen("WPP_DEFINE_BIT");
    StringRef Rest = Text.drop_front(Pos).ltrim();
    if (!Rest.consume_front("("))
      continue;
    size_t Close = Rest.find(')');
    if (Close == StringRef::npos)
      break;
    StringRef Name = Rest.take_front(Close).trim();
    if (!isIdent(Name))
      continue;
    Out.push_back({Name.str(), Bit++});
  }
}

// An #include of a file: its name and whether it was <angled>.
struct Include {
  std::string Name;
  bool Angled;
};

// The includes of Text ("x.h" and <x.h>), in order.  A project includes its
// own headers either way (kmdf_fx2's sources say <osrusbfx2.h>).
std::vector<Include> localIncludes(StringRef Text) {
  std::vector<Include> Names;
  llvm::SmallVector<StringRef, 256> Lines;
  Text.split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.ltrim();
    if (!L.consume_front("#"))
      continue;
    L = L.ltrim();
    if (!L.consume_front("include"))
      continue;
    L = L.ltrim();
    char Closer = L.consume_front("\"") ? '"' : L.consume_front("<") ? '>' : 0;
    if (!Closer)
      continue;
    size_t Close = L.find(Closer);
    if (Close != StringRef::npos)
      Names.push_back({L.take_front(Close).str(), Closer == '>'});
  }
  return Names;
}

// The texts tracewpp would see for Source: the source, the headers it
// includes (found beside the including file, beside the
// source, in its parent directory or in IncludeDirs; a few levels deep;
// .tmh files excluded) and the scan configuration header.
std::vector<std::string> wppTexts(const std::string &Source,
                                  const std::vector<std::string> &IncludeDirs,
                                  const std::string &ScanConfig,
                                  std::string &Error, bool &Ok) {
  std::vector<std::string> Texts;
  std::set<std::string> Seen;
  std::string SourceDir = llvm::sys::path::parent_path(Source).str();
  std::string ParentDir = llvm::sys::path::parent_path(SourceDir).str();
  Ok = true;
  // (file, depth)
  std::vector<std::pair<std::string, unsigned>> Work{{Source, 0}};
  if (!ScanConfig.empty())
    Work.push_back({ScanConfig, 0});
  constexpr unsigned MaxDepth = 4, MaxFiles = 64;
  for (size_t I = 0; I < Work.size() && Texts.size() < MaxFiles; ++I) {
    auto [File, Depth] = Work[I];
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(File, Real))
      Real = File;
    if (!Seen.insert(std::string(Real)).second)
      continue;
    std::string Text, ReadError;
    if (!readText(File, Text, ReadError)) {
      if (I == 0 || (File == ScanConfig)) {
        Error = ReadError;
        Ok = false;
        return {};
      }
      continue;
    }
    if (Depth < MaxDepth) {
      std::string Here = llvm::sys::path::parent_path(File).str();
      for (const Include &Inc : localIncludes(Text)) {
        if (StringRef(Inc.Name).ends_with_insensitive(".tmh"))
          continue;
        // An angled include is only the project's own when it sits beside
        // the source: the include directories lead to the WDK's headers.
        std::vector<std::string> Dirs{Here, SourceDir};
        if (!Inc.Angled)
          Dirs.insert(Dirs.end(), IncludeDirs.begin(), IncludeDirs.end());
        Dirs.push_back(ParentDir);
        for (const std::string &Dir : Dirs)
          if (auto Found = findCaseless(Dir, Inc.Name)) {
            Work.push_back({*Found, Depth + 1});
            break;
          }
      }
    }
    Texts.push_back(std::move(Text));
  }
  return Texts;
}

const char WppCommon[] = R"(#ifndef __WDFCHECK_WPP_COMMON
#define __WDFCHECK_WPP_COMMON
/* Every trace call is a call of __wdfcheck_wpp_trace with all of its
   arguments: what a trace uses stays in the program. */
#ifdef __cplusplus
extern "C" {
#endif
int __wdfcheck_wpp_trace(int, ...);
void __wdfcheck_wpp_init_tracing(int, ...);
void __wdfcheck_wpp_cleanup(int, ...);
#ifdef __cplusplus
}
#endif
/* Hexdump((LEVEL, FLAGS, MSG, ...)): the inner parentheses go. */
#define __wdfcheck_wpp_unparen(...) __VA_ARGS__
/* TRACE_LEVEL_* come from evntrace.h, which a real .tmh includes. */
#ifndef TRACE_LEVEL_NONE
#define TRACE_LEVEL_NONE 0
#define TRACE_LEVEL_CRITICAL 1
#define TRACE_LEVEL_FATAL 1
#define TRACE_LEVEL_ERROR 2
#define TRACE_LEVEL_WARNING 3
#define TRACE_LEVEL_INFORMATION 4
#define TRACE_LEVEL_VERBOSE 5
#define TRACE_LEVEL_RESERVED6 6
#define TRACE_LEVEL_RESERVED7 7
#define TRACE_LEVEL_RESERVED8 8
#define TRACE_LEVEL_RESERVED9 9
#endif
#endif /* __WDFCHECK_WPP_COMMON */
)";

std::string wppHeaderText(const std::string &Source,
                          const std::vector<TraceFunction> &Functions,
                          const std::vector<WppFlag> &Flags, bool Kernel,
                          bool Recorder) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "/* " << llvm::sys::path::stem(Source)
     << ".tmh: generated by wdfcheck for "
     << llvm::sys::path::filename(Source)
     << ", standing in for tracewpp's output. */\n";
  OS << WppCommon;
  OS << "\n/* WPP_DEFINE_BIT flags (WPP's bit values) */\n";
  for (const WppFlag &F : Flags) {
    OS << "#if !defined(" << F.Name << ") && !defined(__wdfcheck_wpp_flag_"
       << F.Name << ")\n"
       << "#define __wdfcheck_wpp_flag_" << F.Name << "\n"
       << "enum { " << F.Name << " = 0x" << llvm::format_hex_no_prefix(1u << (F.Bit % 32), 8)
       << " };\n#endif\n";
  }
  OS << "\n/* trace functions */\n";
  for (const TraceFunction &F : Functions) {
    OS << "#ifndef " << F.Name << "\n#define " << F.Name << "(...) "
       << (F.DoubleParen
               ? "__wdfcheck_wpp_trace(0, __wdfcheck_wpp_unparen __VA_ARGS__)"
               : "__wdfcheck_wpp_trace(0, __VA_ARGS__)")
       << "\n#endif\n";
  }
  OS << "\n#ifndef WPP_INIT_TRACING\n"
        "#define WPP_INIT_TRACING(...) __wdfcheck_wpp_init_tracing(0, "
        "__VA_ARGS__)\n#endif\n"
        "#ifndef WPP_CLEANUP\n"
        "#define WPP_CLEANUP(...) __wdfcheck_wpp_cleanup(0, __VA_ARGS__)\n"
        "#endif\n";
  if (!Kernel)
    OS << "/* user mode: WPP_INIT_TRACING(AppName) takes one argument */\n";
  // The recorder's API (WppRecorderLogCreate, WppRecorderLogGetDefault,
  // ...) is WppRecorder.h's: a macro here would rename its declarations.
  // The log a trace call names (IFRLOG) is an argument like the others.
  if (Recorder)
    OS << "\n/* WppRecorder: the recorder API is WppRecorder.h's; a trace "
          "call's IFRLOG is kept as an argument */\n";
  OS.flush();
  return Out;
}

bool writeWpp(const std::string &Source,
              const std::vector<std::string> &IncludeDirs,
              const WppSettings &Wpp, const std::string &OutDir,
              std::string &Error) {
  bool Ok = true;
  std::vector<std::string> Texts =
      wppTexts(Source, IncludeDirs, Wpp.ScanConfigurationData, Error, Ok);
  if (!Ok)
    return false;
  std::vector<TraceFunction> Candidates;
  for (const std::string &Spec : Wpp.TraceFunctions) {
    // One <WppTraceFunction> may hold several, ';'-separated.
    llvm::SmallVector<StringRef, 4> Parts;
    StringRef(Spec).split(Parts, ';', -1, /*KeepEmpty=*/false);
    for (StringRef Part : Parts) {
      if (Part.trim().empty())
        continue;
      auto F = parseTraceSpec(Part);
      if (!F) {
        Error = "bad WPP trace function '" + Part.trim().str() +
                "' (expected Name(LEVEL,FLAGS,MSG,...) or Name((...)))";
        return false;
      }
      Candidates.push_back(*F);
    }
  }
  std::vector<WppFlag> Flags;
  for (const std::string &Text : Texts) {
    wppConfigFunctions(Text, Candidates);
    wppFlags(Text, Flags);
  }
  std::vector<TraceFunction> Functions;
  llvm::StringSet<> Names;
  for (const TraceFunction &F : Candidates)
    if (!isSystemPrint(F.Name) && Names.insert(F.Name).second)
      Functions.push_back(F);
  std::vector<WppFlag> UniqueFlags;
  llvm::StringSet<> FlagNames;
  for (const WppFlag &F : Flags)
    if (FlagNames.insert(F.Name).second)
      UniqueFlags.push_back(F);
  return writeText(joinPath(OutDir, stemOf(Source) + ".tmh"),
                   wppHeaderText(Source, Functions, UniqueFlags, Wpp.Kernel,
                                 Wpp.Recorder),
                   Error);
}

//===----------------------------------------------------------------------===//
// mc.exe: message files
//===----------------------------------------------------------------------===//

struct McName {
  std::string Name;
  uint32_t Value;
  std::string Symbol; // the ":SYMBOL" alias, or ""
};

// Parses the inside of "(Name=Value[:Symbol] ...)".
bool parseMcNames(StringRef List, std::vector<McName> &Names,
                  std::string &Error) {
  llvm::SmallVector<StringRef, 16> Items;
  // Items are separated by white space; '=' may have spaces around it.
  std::string Joined;
  for (size_t I = 0; I < List.size(); ++I) {
    char C = List[I];
    if (C == '=' || C == ':') {
      while (!Joined.empty() && llvm::isSpace(Joined.back()))
        Joined.pop_back();
      Joined += C;
      while (I + 1 < List.size() && llvm::isSpace(List[I + 1]))
        ++I;
    } else {
      Joined += llvm::isSpace(C) ? ' ' : C;
    }
  }
  StringRef(Joined).split(Items, ' ', -1, /*KeepEmpty=*/false);
  for (StringRef Item : Items) {
    auto [Name, Rest] = Item.split('=');
    auto [Number, Symbol] = Rest.split(':');
    McName N;
    N.Name = Name.str();
    unsigned long long V = 0;
    if (Name.empty() || llvm::getAsUnsignedInteger(Number, 0, V)) {
      Error = "bad name '" + Item.str() + "' (expected Name=Number[:Symbol])";
      return false;
    }
    N.Value = uint32_t(V);
    N.Symbol = Symbol.str();
    // Redefinitions replace.
    llvm::erase_if(Names, [&](const McName &O) {
      return StringRef(O.Name).equals_insensitive(N.Name);
    });
    Names.push_back(N);
  }
  return true;
}

const McName *findMcName(const std::vector<McName> &Names, StringRef Name) {
  for (const McName &N : Names)
    if (StringRef(N.Name).equals_insensitive(Name))
      return &N;
  return nullptr;
}

const char McLayout[] = R"(//
//  Values are 32 bit values laid out as follows:
//
//   3 3 2 2 2 2 2 2 2 2 2 2 1 1 1 1 1 1 1 1 1 1
//   1 0 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0
//  +---+-+-+-----------------------+-------------------------------+
//  |Sev|C|R|     Facility          |               Code            |
//  +---+-+-+-----------------------+-------------------------------+
//
//  where
//
//      Sev - is the severity code
//
//          00 - Success
//          01 - Informational
//          10 - Warning
//          11 - Error
//
//      C - is the Customer code flag
//
//      R - is a reserved bit
//
//      Facility - is the facility code
//
//      Code - is the facility's status code
//
)";

bool messageHeaderText(const std::string &McFile, StringRef Text,
                       std::string &Out, std::string &Error) {
  llvm::raw_string_ostream OS(Out);
  std::vector<McName> Severities = {{"Success", 0, ""},
                                    {"Informational", 1, ""},
                                    {"Warning", 2, ""},
                                    {"Error", 3, ""}};
  std::vector<McName> Facilities = {{"System", 0x0FF, ""},
                                    {"Application", 0xFFF, ""}};
  std::string Typedef;
  unsigned OutputBase = 16;
  bool LayoutDone = false;
  // The message being read.
  struct Message {
    bool Open = false;
    std::optional<uint32_t> Id;
    bool IdRelative = false;
    std::string Severity = "", Facility = "", Symbol;
    std::vector<std::string> Text; // the first language's
    bool HaveText = false;
    unsigned Line = 0;
  } Msg;
  std::string CurSeverity = "Success", CurFacility = "Application";
  std::map<uint32_t, uint32_t> LastId; // per facility value
  std::string Where = McFile;

  auto Fail = [&](unsigned Line, const std::string &Why) {
    Error = Where + ":" + std::to_string(Line) + ": " + Why;
    return false;
  };

  auto Flush = [&]() -> bool {
    if (!Msg.Open)
      return true;
    if (!Msg.Severity.empty())
      CurSeverity = Msg.Severity;
    if (!Msg.Facility.empty())
      CurFacility = Msg.Facility;
    const McName *Sev = findMcName(Severities, CurSeverity);
    if (!Sev)
      return Fail(Msg.Line, "unknown severity '" + CurSeverity + "'");
    const McName *Fac = findMcName(Facilities, CurFacility);
    if (!Fac)
      return Fail(Msg.Line, "unknown facility '" + CurFacility + "'");
    uint32_t &Last = LastId[Fac->Value];
    uint32_t Id = !Msg.Id ? Last + 1 : Msg.IdRelative ? Last + *Msg.Id : *Msg.Id;
    if (Id > 0xFFFF)
      return Fail(Msg.Line, "message id " + std::to_string(Id) +
                                " does not fit in 16 bits");
    Last = Id;
    uint32_t Value = (Sev->Value & 3) << 30 | (Fac->Value & 0xFFF) << 16 | Id;
    if (!Msg.Symbol.empty()) {
      OS << "//\n// MessageId: " << Msg.Symbol << "\n//\n// MessageText:\n//\n";
      for (const std::string &L : Msg.Text)
        OS << "// " << L << "\n";
      OS << "//\n";
      std::string Number =
          OutputBase == 10
              ? std::to_string(Value) + "L"
              : "0x" + llvm::utohexstr(Value, /*LowerCase=*/false, 8) + "L";
      OS << "#define " << Msg.Symbol << "                  ";
      if (!Typedef.empty())
        OS << "((" << Typedef << ")" << Number << ")\n\n";
      else
        OS << Number << "\n\n";
    }
    Msg = Message();
    return true;
  };

  auto Layout = [&]() {
    if (LayoutDone)
      return;
    LayoutDone = true;
    OS << McLayout;
    bool Any = false;
    for (const McName &F : Facilities)
      if (!F.Symbol.empty()) {
        if (!Any)
          OS << "//\n// Define the facility codes\n//\n";
        Any = true;
        OS << "#define " << F.Symbol << "                 0x"
           << llvm::utohexstr(F.Value) << "\n";
      }
    OS << "\n";
    Any = false;
    for (const McName &S : Severities)
      if (!S.Symbol.empty()) {
        if (!Any)
          OS << "//\n// Define the severity codes\n//\n";
        Any = true;
        OS << "#define " << S.Symbol << "          0x"
           << llvm::utohexstr(S.Value) << "\n";
      }
    OS << "\n";
  };

  llvm::SmallVector<StringRef, 512> Lines;
  Text.split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I];
    Line.consume_back("\r");
    unsigned LineNo = unsigned(I + 1);
    if (Line.starts_with(";")) {
      OS << Line.drop_front() << "\n";
      continue;
    }
    // Keyword=Value pairs, separated by white space; a (...) list may span
    // lines.
    StringRef Rest = Line;
    while (true) {
      Rest = Rest.ltrim();
      if (Rest.empty())
        break;
      size_t Eq = Rest.find('=');
      if (Eq == StringRef::npos)
        return Fail(LineNo, "expected Keyword=Value, found '" +
                                Rest.trim().str() + "'");
      StringRef Key = Rest.take_front(Eq).trim();
      Rest = Rest.drop_front(Eq + 1).ltrim();
      if (Rest.starts_with("(")) {
        std::string List;
        StringRef Tail = Rest.drop_front();
        size_t Close;
        while ((Close = Tail.find(')')) == StringRef::npos) {
          List += Tail.str() + " ";
          if (++I >= Lines.size())
            return Fail(LineNo, "')' missing in " + Key.str());
          Tail = Lines[I];
          Tail.consume_back("\r");
        }
        List += Tail.take_front(Close).str();
        Rest = Tail.drop_front(Close + 1);
        std::vector<McName> *Names =
            Key.equals_insensitive("SeverityNames")   ? &Severities
            : Key.equals_insensitive("FacilityNames") ? &Facilities
                                                      : nullptr;
        if (Names && !parseMcNames(List, *Names, Error))
          return Fail(LineNo, Error);
        continue; // LanguageNames: the languages do not reach the header
      }
      size_t ValueEnd = 0;
      while (ValueEnd < Rest.size() && !llvm::isSpace(Rest[ValueEnd]))
        ++ValueEnd;
      StringRef Value = Rest.take_front(ValueEnd);
      // "MessageId= SymbolicName=X": an empty value, then the next keyword.
      if (Value.contains('='))
        Value = "";
      else
        Rest = Rest.drop_front(ValueEnd);
      if (Key.equals_insensitive("MessageIdTypedef")) {
        Typedef = Value.str();
      } else if (Key.equals_insensitive("OutputBase")) {
        if (Value == "10")
          OutputBase = 10;
        else if (Value == "16")
          OutputBase = 16;
        else
          return Fail(LineNo, "OutputBase must be 10 or 16");
      } else if (Key.equals_insensitive("MessageId")) {
        if (!Flush())
          return false;
        Layout();
        Msg.Open = true;
        Msg.Line = LineNo;
        StringRef V = Value;
        if (V.consume_front("+"))
          Msg.IdRelative = true;
        if (!V.empty()) {
          unsigned long long N = 0;
          if (llvm::getAsUnsignedInteger(V, 0, N))
            return Fail(LineNo, "bad MessageId '" + Value.str() + "'");
          Msg.Id = uint32_t(N);
        } else if (Msg.IdRelative) {
          return Fail(LineNo, "bad MessageId '" + Value.str() + "'");
        }
      } else if (Key.equals_insensitive("Severity") ||
                 Key.equals_insensitive("Facility") ||
                 Key.equals_insensitive("SymbolicName")) {
        if (!Msg.Open)
          return Fail(LineNo, Key.str() + " before MessageId");
        std::vector<McName> &Names = Key.equals_insensitive("Severity")
                                         ? Severities
                                         : Facilities;
        if (!Key.equals_insensitive("SymbolicName") &&
            !findMcName(Names, Value))
          return Fail(LineNo, "unknown " + Key.lower() + " '" + Value.str() +
                                  "'");
        if (Key.equals_insensitive("Severity"))
          Msg.Severity = Value.str();
        else if (Key.equals_insensitive("Facility"))
          Msg.Facility = Value.str();
        else
          Msg.Symbol = Value.str();
      } else if (Key.equals_insensitive("Language")) {
        if (!Msg.Open)
          return Fail(LineNo, "Language before MessageId");
        // The text runs to a line holding only '.'.
        std::vector<std::string> Body;
        bool Ended = false;
        while (++I < Lines.size()) {
          StringRef T = Lines[I];
          T.consume_back("\r");
          if (T.rtrim() == ".") {
            Ended = true;
            break;
          }
          Body.push_back(T.str());
        }
        if (!Ended)
          return Fail(LineNo, "message text not ended by a line with '.'");
        if (!Msg.HaveText) {
          Msg.Text = Body;
          Msg.HaveText = true;
        }
        break; // the rest of the Language line is the language's name
      } else {
        return Fail(LineNo, "unknown keyword '" + Key.str() + "'");
      }
    }
  }
  if (!Flush())
    return false;
  OS.flush();
  return true;
}

//===----------------------------------------------------------------------===//
// mc.exe -km: ETW manifests
//===----------------------------------------------------------------------===//

StringRef xmlName(xmlNode *N) {
  return N && N->name ? StringRef(reinterpret_cast<const char *>(N->name))
                      : StringRef();
}

std::string xmlAttr(xmlNode *N, const char *Name) {
  xmlChar *V = xmlGetProp(N, reinterpret_cast<const xmlChar *>(Name));
  if (!V)
    return "";
  std::string S(reinterpret_cast<const char *>(V));
  xmlFree(V);
  return S;
}

std::vector<xmlNode *> xmlChildren(xmlNode *N, StringRef Name) {
  std::vector<xmlNode *> Out;
  for (xmlNode *C = N ? N->children : nullptr; C; C = C->next)
    if (C->type == XML_ELEMENT_NODE && xmlName(C) == Name)
      Out.push_back(C);
  return Out;
}

xmlNode *xmlChild(xmlNode *N, StringRef Name) {
  auto C = xmlChildren(N, Name);
  return C.empty() ? nullptr : C.front();
}

// Collects libxml2's first error (with its line) for a clear message.
struct XmlErrors {
  std::string First;
  static void handler(void *Ctx, xmlErrorPtr E) {
    auto *Self = static_cast<XmlErrors *>(Ctx);
    if (!Self->First.empty() || !E || E->level < XML_ERR_ERROR)
      return;
    std::string Msg = E->message ? E->message : "malformed XML";
    while (!Msg.empty() && llvm::isSpace(Msg.back()))
      Msg.pop_back();
    Self->First = std::to_string(E->line) + ": " + Msg;
  }
};

// Parses Path as XML; null with Error (file and line) when it is not.
xmlDoc *readXml(const std::string &Path, std::string &Error) {
  std::string Text;
  if (!readText(Path, Text, Error))
    return nullptr;
  XmlErrors Errors;
  xmlSetStructuredErrorFunc(&Errors, XmlErrors::handler);
  // The text is UTF-8 now, whatever the declaration says.
  xmlDoc *Doc = xmlReadMemory(Text.data(), int(Text.size()), Path.c_str(),
                              "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!Doc) {
    Error = Path + ":" +
            (Errors.First.empty() ? std::string("1: not well-formed XML")
                                  : Errors.First) +
            " (an ETW manifest must be XML)";
    return nullptr;
  }
  return Doc;
}

bool manifestHeaderText(const std::string &ManFile, std::string &Out,
                        std::string &Error) {
  xmlDoc *Doc = readXml(ManFile, Error);
  if (!Doc)
    return false;
  auto FreeDoc = llvm::make_scope_exit([&] { xmlFreeDoc(Doc); });
  xmlNode *Root = xmlDocGetRootElement(Doc);
  if (xmlName(Root) != "instrumentationManifest") {
    Error = ManFile + ": the root element is <" + xmlName(Root).str() +
            ">, not <instrumentationManifest> (not an ETW manifest)";
    return false;
  }
  std::vector<xmlNode *> Providers;
  for (xmlNode *Instr : xmlChildren(Root, "instrumentation"))
    for (xmlNode *Events : xmlChildren(Instr, "events"))
      for (xmlNode *P : xmlChildren(Events, "provider"))
        Providers.push_back(P);
  if (Providers.empty()) {
    Error = ManFile + ": no <provider> in instrumentation/events";
    return false;
  }

  llvm::raw_string_ostream OS(Out);
  std::string Stem = stemOf(ManFile);
  OS << "/* " << Stem << ".h: generated by wdfcheck from "
     << llvm::sys::path::filename(ManFile)
     << ", standing in for mc.exe -km. */\n#pragma once\n\n"
     << R"(#ifndef __WDFCHECK_ETW_COMMON
#define __WDFCHECK_ETW_COMMON
/* Every EventWrite call is a call of __wdfcheck_etw_write with all of its
   arguments: what an event logs stays in the program. */
#ifdef __cplusplus
#define __WDFCHECK_ETW_EXTERN_C extern "C"
extern "C" {
#else
#define __WDFCHECK_ETW_EXTERN_C /* a const of C links externally */
#endif
/* One GUID definition across the driver's files, as mc's selectany. */
#if defined(_MSC_VER)
#define __WDFCHECK_ETW_SELECTANY __declspec(selectany)
#else
#define __WDFCHECK_ETW_SELECTANY __attribute__((weak))
#endif
long __wdfcheck_etw_register(const void *);
long __wdfcheck_etw_unregister(const void *);
unsigned char __wdfcheck_etw_enabled(const void *, int);
unsigned long __wdfcheck_etw_write(const void *, int, ...);
#ifdef __cplusplus
}
#endif
#endif /* __WDFCHECK_ETW_COMMON */
)";

  for (xmlNode *P : Providers) {
    std::string Name = xmlAttr(P, "name");
    std::string Symbol = xmlAttr(P, "symbol");
    if (Symbol.empty())
      Symbol = identOf(Name);
    if (!isIdent(Symbol)) {
      Error = ManFile + ": provider '" + Name + "' has a bad symbol '" +
              Symbol + "'";
      return false;
    }
    auto G = parseGuid(xmlAttr(P, "guid"));
    if (!G) {
      Error = ManFile + ":" + std::to_string(xmlGetLineNo(P)) +
              ": provider '" + Name + "' has no valid guid attribute";
      return false;
    }
    OS << "\n//\n// Provider " << Name << "\n//\n"
       << "__WDFCHECK_ETW_EXTERN_C __WDFCHECK_ETW_SELECTANY const GUID "
       << Symbol << " = " << G->initializer() << ";\n";
    // mc names the registration functions after the provider's name
    // (OSRUSBFX2 -> EventRegisterOSRUSBFX2; Microsoft-Windows-X ->
    // EventRegisterMicrosoft_Windows_X), the GUID after its symbol.
    std::string Callable = identOf(Name.empty() ? Symbol : Name);
    OS << "#define EventRegister" << Callable
       << "() __wdfcheck_etw_register(&" << Symbol << ")\n";
    OS << "#define EventUnregister" << Callable
       << "() __wdfcheck_etw_unregister(&" << Symbol << ")\n";

    // Channels (own ones numbered from 16), levels, keywords, opcodes, tasks.
    unsigned NextChannel = 16;
    for (xmlNode *Channels : xmlChildren(P, "channels"))
      for (xmlNode *C : xmlChildren(Channels, "channel")) {
        std::string Sym = xmlAttr(C, "symbol"), V = xmlAttr(C, "value");
        unsigned long long N = NextChannel;
        if (!V.empty())
          llvm::getAsUnsignedInteger(V, 0, N);
        NextChannel = unsigned(N) + 1;
        if (isIdent(Sym))
          OS << "#define " << Sym << " 0x" << llvm::utohexstr(N) << "\n";
      }
    auto Simple = [&](StringRef Group, StringRef Item, const char *ValueAttr) {
      for (xmlNode *Gr : xmlChildren(P, Group))
        for (xmlNode *C : xmlChildren(Gr, Item)) {
          std::string Sym = xmlAttr(C, "symbol"), V = xmlAttr(C, ValueAttr);
          unsigned long long N = 0;
          if (isIdent(Sym) && !llvm::getAsUnsignedInteger(V, 0, N))
            OS << "#define " << Sym << " 0x" << llvm::utohexstr(N) << "\n";
        }
    };
    Simple("levels", "level", "value");
    Simple("keywords", "keyword", "mask");
    Simple("opcodes", "opcode", "value");
    Simple("tasks", "task", "value");

    // Templates: their fields, in order.
    std::map<std::string, std::vector<std::string>> Templates;
    for (xmlNode *Ts : xmlChildren(P, "templates"))
      for (xmlNode *T : xmlChildren(Ts, "template")) {
        std::vector<std::string> Fields;
        llvm::StringSet<> Used{"Activity"};
        for (xmlNode *D = T->children; D; D = D->next) {
          if (D->type != XML_ELEMENT_NODE ||
              (xmlName(D) != "data" && xmlName(D) != "struct"))
            continue;
          std::string F = identOf(xmlAttr(D, "name"));
          while (!Used.insert(F).second)
            F += "_";
          Fields.push_back(F);
        }
        Templates[xmlAttr(T, "tid")] = Fields;
      }

    unsigned Index = 0;
    for (xmlNode *Es : xmlChildren(P, "events"))
      for (xmlNode *E : xmlChildren(Es, "event")) {
        unsigned EventIndex = Index++;
        std::string Sym = xmlAttr(E, "symbol");
        if (Sym.empty())
          continue;
        if (!isIdent(Sym)) {
          Error = ManFile + ":" + std::to_string(xmlGetLineNo(E)) +
                  ": event symbol '" + Sym + "' is not a C identifier";
          return false;
        }
        std::string Tid = xmlAttr(E, "template");
        std::vector<std::string> Fields;
        if (!Tid.empty()) {
          auto It = Templates.find(Tid);
          if (It == Templates.end()) {
            Error = ManFile + ":" + std::to_string(xmlGetLineNo(E)) +
                    ": event '" + Sym + "' names template '" + Tid +
                    "', which the provider does not define";
            return false;
          }
          Fields = It->second;
        }
        OS << "\n// Event " << Sym << " (value " << xmlAttr(E, "value")
           << (Tid.empty() ? "" : ", template " + Tid) << ")\n";
        OS << "#define EventEnabled" << Sym << "() __wdfcheck_etw_enabled(&"
           << Symbol << ", " << EventIndex << ")\n";
        // EventWrite<Event> and mc's _AssumeEnabled twin.
        for (const char *Suffix : {"", "_AssumeEnabled"}) {
          OS << "#define EventWrite" << Sym << Suffix << "(Activity";
          for (const std::string &F : Fields)
            OS << ", " << F;
          OS << ") __wdfcheck_etw_write(&" << Symbol << ", " << EventIndex
             << ", Activity";
          for (const std::string &F : Fields)
            OS << ", " << F;
          OS << ")\n";
        }
      }
  }
  OS.flush();
  return true;
}

//===----------------------------------------------------------------------===//
// wmimofck -h: WMI .mof
//===----------------------------------------------------------------------===//

struct MofToken {
  enum Kind { Ident, String, Number, Punct, End } K;
  std::string Text;
  unsigned Line;
};

bool lexMof(StringRef Text, std::vector<MofToken> &Tokens, std::string &Where,
            std::string &Error) {
  unsigned Line = 1;
  size_t I = 0;
  auto Fail = [&](const std::string &Why) {
    Error = Where + ":" + std::to_string(Line) + ": " + Why;
    return false;
  };
  while (I < Text.size()) {
    char C = Text[I];
    if (C == '\n') {
      ++Line;
      ++I;
    } else if (llvm::isSpace(C)) {
      ++I;
    } else if (Text.substr(I).starts_with("//")) {
      while (I < Text.size() && Text[I] != '\n')
        ++I;
    } else if (Text.substr(I).starts_with("/*")) {
      size_t E = Text.find("*/", I + 2);
      if (E == StringRef::npos)
        return Fail("comment not closed");
      Line += unsigned(Text.slice(I, E).count('\n'));
      I = E + 2;
    } else if (C == '#') { // #pragma ...: to the end of the line
      while (I < Text.size() && Text[I] != '\n')
        ++I;
    } else if (C == '"') {
      std::string S;
      ++I;
      while (I < Text.size() && Text[I] != '"') {
        if (Text[I] == '\\' && I + 1 < Text.size()) {
          S += Text[I + 1];
          I += 2;
          continue;
        }
        if (Text[I] == '\n')
          ++Line;
        S += Text[I++];
      }
      if (I >= Text.size())
        return Fail("string not closed");
      ++I;
      // Adjacent strings join.
      if (!Tokens.empty() && Tokens.back().K == MofToken::String)
        Tokens.back().Text += S;
      else
        Tokens.push_back({MofToken::String, S, Line});
    } else if (llvm::isAlpha(C) || C == '_') {
      size_t B = I;
      while (I < Text.size() && (llvm::isAlnum(Text[I]) || Text[I] == '_'))
        ++I;
      Tokens.push_back({MofToken::Ident, Text.slice(B, I).str(), Line});
    } else if (llvm::isDigit(C) || C == '-' || C == '+') {
      size_t B = I++;
      while (I < Text.size() && (llvm::isAlnum(Text[I]) || Text[I] == '.'))
        ++I;
      Tokens.push_back({MofToken::Number, Text.slice(B, I).str(), Line});
    } else {
      Tokens.push_back({MofToken::Punct, std::string(1, C), Line});
      ++I;
    }
  }
  Tokens.push_back({MofToken::End, "", Line});
  return true;
}

struct MofQualifier {
  std::string Name;
  std::vector<std::string> Values; // (v) or {v, ...}
};

struct MofProperty {
  std::vector<MofQualifier> Qualifiers;
  std::string Type, Name;
  bool Array = false;
  std::string ArraySize; // "" for a variable array
  const MofQualifier *find(StringRef Q) const {
    for (const MofQualifier &X : Qualifiers)
      if (StringRef(X.Name).equals_insensitive(Q))
        return &X;
    return nullptr;
  }
};

struct MofMethod {
  std::vector<MofQualifier> Qualifiers;
  std::string Name;
  std::vector<MofProperty> Params;
};

struct MofClass {
  std::vector<MofQualifier> Qualifiers;
  std::string Name, Super;
  std::string CName; // HeaderName("EC1"), else Name
  std::vector<MofProperty> Properties;
  std::vector<MofMethod> Methods;
  const MofQualifier *find(StringRef Q) const {
    for (const MofQualifier &X : Qualifiers)
      if (StringRef(X.Name).equals_insensitive(Q))
        return &X;
    return nullptr;
  }
};

class MofParser {
public:
  MofParser(std::vector<MofToken> &T, const std::string &File)
      : Toks(T), File(File) {}

  bool parse(std::vector<MofClass> &Classes, std::string &Error) {
    while (peek().K != MofToken::End) {
      std::vector<MofQualifier> Q;
      if (is("[") && !qualifiers(Q))
        return fail(Error);
      if (isWord("class")) {
        next();
        MofClass C;
        C.Qualifiers = std::move(Q);
        if (!classBody(C))
          return fail(Error);
        Classes.push_back(std::move(C));
      } else if (isWord("instance")) {
        // instance of X { ... }; : no header output
        while (!is("{") && peek().K != MofToken::End)
          next();
        if (!skipBraces())
          return fail(Error);
        if (is(";"))
          next();
      } else if (is(";")) {
        next();
      } else {
        Why = "expected 'class', found '" + peek().Text + "'";
        return fail(Error);
      }
    }
    return true;
  }

private:
  std::vector<MofToken> &Toks;
  const std::string &File;
  size_t Pos = 0;
  std::string Why;

  const MofToken &peek(size_t Ahead = 0) const {
    return Toks[std::min(Pos + Ahead, Toks.size() - 1)];
  }
  const MofToken &next() {
    const MofToken &T = peek();
    if (Pos < Toks.size() - 1)
      ++Pos;
    return T;
  }
  bool is(StringRef P) const {
    return peek().K == MofToken::Punct && peek().Text == P;
  }
  bool isWord(StringRef W) const {
    return peek().K == MofToken::Ident &&
           StringRef(peek().Text).equals_insensitive(W);
  }
  bool expect(StringRef P) {
    if (is(P)) {
      next();
      return true;
    }
    Why = "expected '" + P.str() + "', found '" +
          (peek().K == MofToken::End ? std::string("end of file")
                                     : peek().Text) +
          "'";
    return false;
  }
  bool fail(std::string &Error) {
    Error = File + ":" + std::to_string(peek().Line) + ": " + Why;
    return false;
  }
  bool skipBraces() {
    if (!expect("{"))
      return false;
    unsigned Depth = 1;
    while (Depth && peek().K != MofToken::End) {
      if (is("{"))
        ++Depth;
      else if (is("}"))
        --Depth;
      next();
    }
    if (Depth) {
      Why = "'}' missing";
      return false;
    }
    return true;
  }
  // [Name, Name(value), Name{v, v}, Name("x") : amended, ...]
  bool qualifiers(std::vector<MofQualifier> &Out) {
    if (!expect("["))
      return false;
    while (!is("]")) {
      if (peek().K != MofToken::Ident) {
        Why = "expected a qualifier, found '" + peek().Text + "'";
        return false;
      }
      MofQualifier Q;
      Q.Name = next().Text;
      if (is("(") || is("{")) {
        std::string Close = is("(") ? ")" : "}";
        next();
        while (!is(Close)) {
          if (peek().K == MofToken::End) {
            Why = "'" + Close + "' missing in qualifier " + Q.Name;
            return false;
          }
          const MofToken &T = next();
          if (T.K != MofToken::Punct)
            Q.Values.push_back(T.Text);
        }
        next();
      }
      if (is(":")) { // flavors: amended, ToSubclass, ...
        next();
        while (peek().K == MofToken::Ident)
          next();
      }
      Out.push_back(std::move(Q));
      if (is(","))
        next();
      else if (!is("]")) {
        Why = "expected ',' or ']' in qualifiers, found '" + peek().Text + "'";
        return false;
      }
    }
    next();
    return true;
  }
  // Type Name[size]  (Type may be "ClassName ref", object:Class, ...)
  bool typedName(MofProperty &P) {
    if (peek().K != MofToken::Ident) {
      Why = "expected a type, found '" + peek().Text + "'";
      return false;
    }
    P.Type = next().Text;
    if (is(":")) { // object:ClassName
      next();
      P.Type = next().Text;
    }
    if (isWord("ref"))
      next();
    if (peek().K != MofToken::Ident) {
      Why = "expected a name after '" + P.Type + "', found '" + peek().Text +
            "'";
      return false;
    }
    P.Name = next().Text;
    if (is("[")) {
      next();
      P.Array = true;
      if (peek().K == MofToken::Number)
        P.ArraySize = next().Text;
      if (!expect("]"))
        return false;
    }
    if (is("=")) { // default value
      while (!is(";") && !is(",") && !is(")") && peek().K != MofToken::End) {
        if (is("{")) {
          if (!skipBraces())
            return false;
          continue;
        }
        next();
      }
    }
    return true;
  }
  bool classBody(MofClass &C) {
    if (peek().K != MofToken::Ident) {
      Why = "expected a class name";
      return false;
    }
    C.Name = next().Text;
    if (is(":")) {
      next();
      C.Super = next().Text;
    }
    if (!expect("{"))
      return false;
    while (!is("}")) {
      if (peek().K == MofToken::End) {
        Why = "'}' missing at the end of class " + C.Name;
        return false;
      }
      std::vector<MofQualifier> Q;
      if (is("[") && !qualifiers(Q))
        return false;
      MofProperty P;
      P.Qualifiers = std::move(Q);
      if (!typedName(P))
        return false;
      if (is("(")) { // a method
        next();
        MofMethod M;
        M.Name = P.Name;
        M.Qualifiers = std::move(P.Qualifiers);
        while (!is(")")) {
          MofProperty Param;
          if (is("[") && !qualifiers(Param.Qualifiers))
            return false;
          if (!typedName(Param))
            return false;
          M.Params.push_back(std::move(Param));
          if (is(","))
            next();
          else if (!is(")")) {
            Why = "expected ',' or ')' in method " + M.Name;
            return false;
          }
        }
        next();
        C.Methods.push_back(std::move(M));
      } else {
        C.Properties.push_back(std::move(P));
      }
      if (!expect(";"))
        return false;
    }
    next();
    if (is(";"))
      next();
    return true;
  }
};

// The C type of a WMI type, and whether it has a fixed size; embedded
// classes are their structs.
// The C names of the file's classes, by MOF name.
using MofStructs = std::map<std::string, std::string>;

std::optional<std::string> wmiCType(StringRef Type, const MofStructs &Structs,
                                    bool &Variable) {
  Variable = false;
  static const std::pair<StringRef, StringRef> Map[] = {
      {"boolean", "BOOLEAN"}, {"uint8", "UCHAR"},      {"sint8", "CHAR"},
      {"uint16", "USHORT"},   {"sint16", "SHORT"},     {"uint32", "ULONG"},
      {"sint32", "LONG"},     {"uint64", "ULONGLONG"}, {"sint64", "LONGLONG"},
      {"real32", "FLOAT"},    {"real64", "DOUBLE"},    {"char16", "WCHAR"},
  };
  for (const auto &[W, C] : Map)
    if (Type.equals_insensitive(W))
      return C.str();
  if (Type.equals_insensitive("string")) {
    Variable = true;
    return std::string("WCHAR");
  }
  if (Type.equals_insensitive("datetime"))
    return std::string("WCHAR"); // [25]
  for (const auto &[Mof, C] : Structs)
    if (Type.equals_insensitive(Mof))
      return C;
  if (Type.equals_insensitive("object")) {
    Variable = true;
    return std::string("UCHAR");
  }
  return std::nullopt;
}

unsigned qualifierNumber(const MofQualifier *Q) {
  unsigned long long N = 0;
  if (Q && !Q->Values.empty())
    llvm::getAsUnsignedInteger(Q->Values.front(), 0, N);
  return unsigned(N);
}

// One data-block struct: the items in the order given, with their ids.
bool writeMofStruct(llvm::raw_ostream &OS, const std::string &Name,
                    const std::vector<std::pair<unsigned, const MofProperty *>>
                        &Items,
                    const MofStructs &Structs, const std::string &Where,
                    std::string &Error) {
  if (Items.empty())
    return true;
  std::string Body, Trailer;
  llvm::raw_string_ostream B(Body);
  std::string Last; // the last fixed member, for <Name>_SIZE
  bool Fixed = true;
  for (const auto &[Id, P] : Items) {
    bool Variable = false;
    auto CType = wmiCType(P->Type, Structs, Variable);
    if (!CType) {
      Error = Where + ": " + Name + "." + P->Name + " has the type '" +
              P->Type + "', which is not a WMI type or a class of the file";
      return false;
    }
    if (!Fixed) {
      B << "    #define " << Name << "_" << P->Name << "_ID " << Id << "\n\n";
      continue;
    }
    std::string Member = P->Name;
    std::string SizeOf;
    bool Datetime = StringRef(P->Type).equals_insensitive("datetime");
    const MofQualifier *MaxLen = P->find("MaxLen");
    if (Variable && !P->Array && StringRef(P->Type).equals_insensitive("string") &&
        MaxLen) {
      // A bounded string: its length (USHORT, in bytes) and characters.
      unsigned N = qualifierNumber(MaxLen);
      B << "    WCHAR " << Member << "[" << N << " + 1];\n";
      SizeOf = "sizeof(WCHAR[" + std::to_string(N) + " + 1])";
    } else if (Variable) {
      // A string (or embedded object) ends the fixed part.
      B << "    CHAR VariableData[1];\n";
      B << "    #define " << Name << "_" << P->Name << "_ID " << Id << "\n\n";
      Fixed = false;
      continue;
    } else if (P->Array && P->ArraySize.empty()) {
      // A variable array (WmiSizeIs): also ends the fixed part.
      B << "    " << *CType << " " << Member << (Datetime ? "[1][25]" : "[1]")
        << ";\n";
      B << "    #define " << Name << "_" << P->Name << "_ID " << Id << "\n\n";
      Fixed = false;
      continue;
    } else if (P->Array) {
      B << "    " << *CType << " " << Member << "[" << P->ArraySize << "]"
        << (Datetime ? "[25]" : "") << ";\n";
      SizeOf = "sizeof(" + *CType + "[" + P->ArraySize + "]" +
               (Datetime ? "[25]" : "") + ")";
    } else if (Datetime) {
      B << "    WCHAR " << Member << "[25];\n";
      SizeOf = "sizeof(WCHAR[25])";
    } else {
      B << "    " << *CType << " " << Member << ";\n";
      SizeOf = "sizeof(" + *CType + ")";
    }
    B << "    #define " << Name << "_" << P->Name << "_SIZE " << SizeOf
      << "\n";
    B << "    #define " << Name << "_" << P->Name << "_ID " << Id << "\n\n";
    Last = P->Name;
  }
  B.flush();
  OS << "typedef struct _" << Name << "\n{\n" << Body << "} " << Name
     << ", *P" << Name << ";\n\n";
  if (Fixed && !Last.empty())
    OS << "#define " << Name << "_SIZE (FIELD_OFFSET(" << Name << ", " << Last
       << ") + " << Name << "_" << Last << "_SIZE)\n\n";
  return true;
}

bool mofHeaderText(const std::string &MofFile, const std::string &HeaderName,
                   std::string &Out, std::string &Error) {
  std::string Text;
  if (!readText(MofFile, Text, Error))
    return false;
  std::vector<MofToken> Tokens;
  std::string Where = MofFile;
  if (!lexMof(Text, Tokens, Where, Error))
    return false;
  std::vector<MofClass> Classes;
  MofParser Parser(Tokens, MofFile);
  if (!Parser.parse(Classes, Error))
    return false;

  MofStructs Structs;
  for (MofClass &C : Classes) {
    const MofQualifier *H = C.find("HeaderName");
    C.CName = H && !H->Values.empty() && isIdent(H->Values.front())
                  ? H->Values.front()
                  : C.Name;
    Structs[C.Name] = C.CName;
  }

  llvm::raw_string_ostream OS(Out);
  std::string Guard = "_" + identOf(llvm::sys::path::stem(HeaderName)) + "_h_";
  OS << "/* " << HeaderName << ": generated by wdfcheck from "
     << llvm::sys::path::filename(MofFile)
     << ", standing in for wmimofck -h. */\n"
     << "#ifndef " << Guard << "\n#define " << Guard << "\n\n";
  for (const MofClass &C : Classes) {
    const MofQualifier *GuidQ = C.find("guid");
    std::optional<Guid> G;
    if (GuidQ) {
      G = parseGuid(GuidQ->Values.empty() ? "" : GuidQ->Values.front());
      if (!G) {
        Error = MofFile + ": class " + C.Name + " has a bad guid qualifier";
        return false;
      }
    }
    // Data items: properties with WmiDataId, in id order.
    std::vector<std::pair<unsigned, const MofProperty *>> Items;
    for (const MofProperty &P : C.Properties)
      if (const MofQualifier *Id = P.find("WmiDataId"))
        Items.push_back({qualifierNumber(Id), &P});
    // (id, address): the addresses keep the file's order for equal ids.
    llvm::sort(Items);
    if (!G && Items.empty() && C.Methods.empty())
      continue;
    OS << "// " << C.Name << " - " << C.CName << "\n";
    if (const MofQualifier *D = C.find("Description"))
      if (!D->Values.empty())
        OS << "// " << D->Values.front() << "\n";
    if (G) {
      OS << "#define " << C.CName << "Guid \\\n    " << G->initializer()
         << "\n\n#if ! (defined(MIDL_PASS))\nDEFINE_GUID(" << C.CName
         << "_GUID, \\\n            " << G->arguments() << ");\n#endif\n\n";
    }
    if (!writeMofStruct(OS, C.CName, Items, Structs, MofFile, Error))
      return false;
    for (const MofMethod &M : C.Methods) {
      unsigned Id = 0;
      for (const MofQualifier &Q : M.Qualifiers)
        if (StringRef(Q.Name).equals_insensitive("WmiMethodId"))
          Id = qualifierNumber(&Q);
      OS << "#define " << M.Name << "     " << Id << "\n\n";
      // Parameters: their WmiDataId, else their position (from 1).
      std::vector<std::pair<unsigned, const MofProperty *>> In, OutParams;
      unsigned Position = 0;
      for (const MofProperty &P : M.Params) {
        ++Position;
        unsigned PId = P.find("WmiDataId") ? qualifierNumber(P.find("WmiDataId"))
                                           : Position;
        if (P.find("in"))
          In.push_back({PId, &P});
        if (P.find("out"))
          OutParams.push_back({PId, &P});
      }
      if (!writeMofStruct(OS, M.Name + "_IN", In, Structs, MofFile, Error) ||
          !writeMofStruct(OS, M.Name + "_OUT", OutParams, Structs, MofFile,
                          Error))
        return false;
    }
  }
  OS << "#endif\n";
  OS.flush();
  return true;
}

} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

bool writeWppHeader(const std::string &Source, const WppSettings &Wpp,
                    const std::string &OutDir, std::string &Error) {
  return writeWpp(Source, {}, Wpp, OutDir, Error);
}

bool writeWppHeader(const ProjectSource &Source, const WppSettings &Wpp,
                    const std::string &OutDir, std::string &Error) {
  return writeWpp(Source.File, Source.IncludeDirs, Wpp, OutDir, Error);
}

bool writeMessageHeaderTo(const std::string &McFile,
                          const std::string &HeaderFile, std::string &Error) {
  std::string Text, Out;
  if (!readText(McFile, Text, Error))
    return false;
  Out = "/* " + llvm::sys::path::filename(HeaderFile).str() +
        ": generated by wdfcheck from " +
        llvm::sys::path::filename(McFile).str() +
        ", standing in for mc.exe. */\n";
  if (!messageHeaderText(McFile, Text, Out, Error))
    return false;
  return writeText(HeaderFile, Out, Error);
}

bool writeMessageHeader(const std::string &McFile, const std::string &OutDir,
                        std::string &Error) {
  return writeMessageHeaderTo(McFile, joinPath(OutDir, stemOf(McFile) + ".h"),
                              Error);
}

bool writeManifestHeaderTo(const std::string &ManFile,
                           const std::string &HeaderFile, std::string &Error) {
  std::string Out;
  if (!manifestHeaderText(ManFile, Out, Error))
    return false;
  return writeText(HeaderFile, Out, Error);
}

bool writeManifestHeader(const std::string &ManFile, const std::string &OutDir,
                         std::string &Error) {
  return writeManifestHeaderTo(
      ManFile, joinPath(OutDir, stemOf(ManFile) + ".h"), Error);
}

bool writeMofHeaderTo(const std::string &MofFile,
                      const std::string &HeaderFile, std::string &Error) {
  std::string Out;
  if (!mofHeaderText(MofFile, llvm::sys::path::filename(HeaderFile).str(),
                     Out, Error))
    return false;
  return writeText(HeaderFile, Out, Error);
}

bool writeMofHeader(const std::string &MofFile, const std::string &OutDir,
                    std::string &Error) {
  return writeMofHeaderTo(MofFile, joinPath(OutDir, stemOf(MofFile) + ".h"),
                          Error);
}

} // namespace wdfcheck
