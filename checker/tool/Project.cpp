//===- Project.cpp - what a Visual Studio driver project builds ----------===//
//
// MSBuild evaluates a project in passes, and so does this: first the
// properties and imports in document order, then every item definition
// group, then the items (which therefore see the final properties and all
// item definitions, wherever they stand in the file).  Configuration,
// Platform and EvalSettings::Properties are global properties: the project
// cannot set them, as on MSBuild's command line.
//
//===----------------------------------------------------------------------===//
#include "Project.h"
#include "Condition.h"
#include "ProjectItems.h"
#include "DiskPath.h"
#include "Tool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <set>

namespace wdfcheck {

namespace {

using llvm::StringRef;

// Macros of Visual Studio's and the WDK's own .props and .targets, which
// wdfcheck does not read: an import through them is skipped, and their use
// elsewhere is not news.
const llvm::StringSet<> BuildMachineryMacros = {
    "vctargetspath", "userrootdir", "vcinstalldir", "vsinstalldir",
    "windowssdkdir", "windowstargetplatformversion", "platformtoolset",
    "msbuildextensionspath", "msbuildextensionspath32", "msbuildtoolspath",
    "msbuildbinpath", "msbuildprogramfiles32", "programfiles", "localappdata",
    "appdata", "userprofile", "windir", "systemroot",
    "targetext", "targetpath", "targetdir", "defaultplatformtoolset", "inherit",
    "noinherit", "wdkcontentroot", "windowssdk_includepath"};

struct XmlDocDeleter {
  void operator()(xmlDoc *Doc) const { xmlFreeDoc(Doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// libxml2 2.12 made the error a handler sees const.
#if LIBXML_VERSION >= 21200
using XmlErrorArg = const xmlError *;
#else
using XmlErrorArg = xmlErrorPtr;
#endif

// The first error of a parse: the later ones follow from it ("premature
// end of data" at the last line, for a tag left open at line 4).
struct FirstXmlError {
  std::string Message;
  int Line = 0;
  static void record(void *Self, XmlErrorArg E) {
    auto *First = static_cast<FirstXmlError *>(Self);
    if (E && First->Message.empty() && E->level >= XML_ERR_ERROR) {
      First->Message = StringRef(E->message ? E->message : "").trim().str();
      First->Line = E->line;
    }
  }
};

// Reads Path as XML; null with Error "file:line: message" when it is not.
XmlDoc readXml(const std::string &Path, std::string &Error) {
  FirstXmlError First;
  xmlSetStructuredErrorFunc(&First, FirstXmlError::record);
  XmlDoc Doc(xmlReadFile(Path.c_str(), nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOWARNING));
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (Doc)
    return Doc;
  std::string Shown = shownPath(Path);
  if (First.Line > 0)
    Error = Shown + ":" + std::to_string(First.Line) + ": " + First.Message +
            " (the project is not well-formed XML; fix it there)";
  else
    Error = "cannot read " + Shown +
            (First.Message.empty() ? "" : ": " + First.Message);
  return nullptr;
}

StringRef nameOf(const xmlNode *N) {
  return reinterpret_cast<const char *>(N->name);
}

std::string attribute(const xmlNode *N, const char *Name) {
  xmlChar *V = xmlGetProp(N, reinterpret_cast<const xmlChar *>(Name));
  if (!V)
    return "";
  std::string S = reinterpret_cast<const char *>(V);
  xmlFree(V);
  return S;
}

std::string textOf(const xmlNode *N) {
  xmlChar *V = xmlNodeGetContent(N);
  if (!V)
    return "";
  std::string S = StringRef(reinterpret_cast<const char *>(V)).trim().str();
  xmlFree(V);
  return S;
}

// The element children of N.
std::vector<xmlNode *> elements(xmlNode *N) {
  std::vector<xmlNode *> Children;
  for (xmlNode *C = N ? N->children : nullptr; C; C = C->next)
    if (C->type == XML_ELEMENT_NODE)
      Children.push_back(C);
  return Children;
}

// Whether V still holds a macro expand() could not resolve.
bool hasMacro(StringRef V) { return V.contains("$("); }

// An item group or item definition group, read after the properties.
struct Deferred {
  xmlNode *Node;
  std::string File; // the file it stands in ($(MSBuildThisFile...))
};

class Evaluator {
public:
  Evaluator(const EvalSettings &Settings, ProjectInfo &Project)
      : Project(Project) {
    for (const auto &[Name, Value] : Settings.Properties)
      setGlobal(Name, Value);
    setGlobal("Configuration", Settings.Configuration);
    setGlobal("Platform", Settings.Platform);
  }

  bool run(std::string &Error);

private:
  ProjectInfo &Project;
  std::string Dir; // the project's directory, absolute, no trailing '/'
  std::map<std::string, std::string> Props; // by lower-case name
  std::set<std::string> Globals, Noted, Loaded;
  // Every property a property group of the files read sets, whether its
  // condition held or not: one that did not is empty, not unknown.
  std::set<std::string> Declared;
  std::vector<XmlDoc> Docs;
  std::vector<Deferred> Definitions, Groups;
  std::map<std::string, Metadata> ItemDefs; // by lower-case item type
  std::vector<ProjectItem> Items;
  std::vector<std::string> Unresolved; // EvaluatedProject::Unresolved
  std::string ThisFile; // the file being read, for $(MSBuildThisFile...)

  void setGlobal(StringRef Name, StringRef Value) {
    Props[Name.lower()] = Value.str();
    Globals.insert(Name.lower());
  }
  void setDefault(StringRef Name, StringRef Value) {
    if (!Globals.count(Name.lower()))
      Props[Name.lower()] = Value.str();
  }
  void note(const std::string &Text) {
    if (Noted.insert(Text).second)
      Project.Notes.push_back(Text);
  }
  std::string property(StringRef Name) const {
    auto It = Props.find(Name.lower());
    return It == Props.end() ? "" : It->second;
  }

  void setDefaults();
  bool macro(StringRef Name, std::string &Value, bool &Ignored) const;
  std::string expand(StringRef Text, const Metadata *Meta = nullptr,
                     bool InCondition = false, bool *UsedIgnored = nullptr);
  bool condition(const xmlNode *N, const Metadata *Meta = nullptr);
  bool readFile(const std::string &Path, std::string &Error);
  bool walk(xmlNode *Parent, std::string &Error);
  bool import(xmlNode *N, std::string &Error);
  bool importDirectoryBuildProps(std::string &Error);
  bool choose(xmlNode *N, std::string &Error);
  void properties(xmlNode *Group);
  void definitions(const Deferred &D);
  void items(const Deferred &D);
  void addItems(xmlNode *N);
  void readMetadata(xmlNode *N, Metadata &Meta);
  std::vector<std::string> includes(StringRef Spec, bool Used);

};

void Evaluator::setDefaults() {
  StringRef Path = Project.Path;
  std::string Stem = llvm::sys::path::stem(Path).str();
  setDefault("ProjectDir", Dir + "/");
  setDefault("MSBuildProjectDirectory", Dir);
  setDefault("ProjectPath", Path);
  setDefault("MSBuildProjectFullPath", Path);
  setDefault("ProjectFileName", llvm::sys::path::filename(Path));
  setDefault("MSBuildProjectFile", llvm::sys::path::filename(Path));
  setDefault("ProjectName", Stem);
  setDefault("MSBuildProjectName", Stem);
  setDefault("TargetName", Stem);
  setDefault("SolutionDir", Dir + "/");
  // Visual Studio's other names for the configuration and platform.
  setDefault("ConfigurationName", property("Configuration"));
  setDefault("PlatformName", property("Platform"));
  setDefault("PlatformTarget", property("Platform"));
  // MSBuild's own defaults for a C++ project of this configuration.
  std::string Out =
      property("Platform") + "/" + property("Configuration") + "/";
  setDefault("IntDir", Dir + "/" + Out);
  setDefault("OutDir", Dir + "/" + Out);
  std::string Platform = property("Platform");
  bool Win32 = StringRef(Platform).equals_insensitive("Win32");
  setDefault("PlatformShortName", Win32 ? "x86" : StringRef(Platform).lower());
}

// The value of $(Name): a property, the file being read, or nothing.
// Ignored: a macro of Visual Studio's or the WDK's build machinery.
bool Evaluator::macro(StringRef Name, std::string &Value, bool &Ignored) const {
  Ignored = false;
  auto It = Props.find(Name.lower());
  if (It != Props.end()) {
    Value = It->second;
    return true;
  }
  std::string Lower = Name.lower();
  if (Lower == "msbuildthisfiledirectory") {
    Value = llvm::sys::path::parent_path(ThisFile).str() + "/";
    return true;
  }
  if (Lower == "msbuildthisfile" || Lower == "msbuildthisfilename" ||
      Lower == "msbuildthisfilefullpath") {
    Value = Lower == "msbuildthisfile" ? llvm::sys::path::filename(ThisFile)
            : Lower == "msbuildthisfilename" ? llvm::sys::path::stem(ThisFile)
                                             : StringRef(ThisFile);
    return true;
  }
  if (Declared.count(Lower)) {
    Value.clear();
    return true;
  }
  Ignored = isBuildMachineryMacro(Lower);
  return false;
}

// Text with $(Prop), %(Meta) and @(Items) replaced.  An unknown property is
// kept as written, except in a condition: conditions ask for undefined
// properties on purpose ('$(Configuration)'=='') and get "".
std::string Evaluator::expand(StringRef Text, const Metadata *Meta,
                              bool InCondition, bool *UsedIgnored) {
  std::string Out;
  while (!Text.empty()) {
    size_t At = Text.find_first_of("$%@");
    if (At == StringRef::npos || At + 1 >= Text.size() || Text[At + 1] != '(') {
      size_t Take = At == StringRef::npos ? Text.size() : At + 1;
      Out += Text.take_front(Take);
      Text = Text.drop_front(Take);
      continue;
    }
    Out += Text.take_front(At);
    char Kind = Text[At];
    size_t Close = Text.find(')', At);
    // A property function $([System.IO.Path]::Combine(...)) nests
    // parentheses: take the whole balanced text.
    unsigned Depth = 0;
    for (size_t I = At + 1; I < Text.size(); ++I) {
      Depth += Text[I] == '(';
      if (Text[I] == ')' && --Depth == 0) {
        Close = I;
        break;
      }
    }
    if (Close == StringRef::npos)
      Close = Text.size() - 1;
    StringRef Name = Text.slice(At + 2, Close).trim();
    Text = Text.drop_front(Close + 1);
    if (Kind == '@')
      continue; // item lists are not expanded in values
    if (Kind == '%') {
      Name = Name.rsplit('.').second.empty() ? Name : Name.rsplit('.').second;
      if (Meta) {
        auto It = Meta->find(Name.lower());
        if (It != Meta->end())
          Out += It->second;
      }
      continue;
    }
    std::string Value;
    bool Ignored = false;
    if (!macro(Name, Value, Ignored) || Name.starts_with("[") ||
        Name.contains('.') || Name.contains(':')) {
      if (Ignored && UsedIgnored)
        *UsedIgnored = true;
      // Kept as written outside conditions: where it is used, it is noted
      // and what holds it left out (describeProject).
      if (!InCondition)
        Out += "$(" + Name.str() + ")";
      continue;
    }
    Out += Value;
  }
  return Out;
}

// The Condition attribute of N; a condition outside the grammar is noted
// and taken as false.
bool Evaluator::condition(const xmlNode *N, const Metadata *Meta) {
  std::string Text = attribute(N, "Condition");
  if (StringRef(Text).trim().empty())
    return true;
  ConditionContext Ctx;
  Ctx.Expand = [&](StringRef T) {
    return expand(T, Meta, /*InCondition=*/true);
  };
  // Relative to the file the condition stands in: a Directory.Build.props
  // at the repository's top asks Exists('packages\...') of its own tree.
  Ctx.Exists = [&](StringRef P) {
    bool Found = false;
    diskPath(P, llvm::sys::path::parent_path(ThisFile), Found);
    return Found;
  };
  bool Value = false;
  std::string Error;
  if (!evaluateCondition(Text, Ctx, Value, Error)) {
    note(shownPath(ThisFile) + ":" + std::to_string(xmlGetLineNo(N)) +
         ": cannot evaluate the condition \"" + Text + "\" (" + Error +
         "); it was taken as false");
    return false;
  }
  return Value;
}

bool Evaluator::readFile(const std::string &Path, std::string &Error) {
  XmlDoc Doc = readXml(Path, Error);
  if (!Doc)
    return false;
  xmlNode *Root = xmlDocGetRootElement(Doc.get());
  if (!Root || nameOf(Root) != "Project") {
    Error = shownPath(Path) + ": not an MSBuild project (its root element "
            "is not <Project>)";
    return false;
  }
  std::string Outer = ThisFile;
  ThisFile = Path;
  Loaded.insert(Path);
  Docs.push_back(std::move(Doc));
  bool Ok = walk(Root, Error);
  ThisFile = Outer;
  return Ok;
}

// Pass 1 over one file's elements: properties and imports now, the item
// groups for later.
bool Evaluator::walk(xmlNode *Parent, std::string &Error) {
  for (xmlNode *N : elements(Parent)) {
    StringRef Name = nameOf(N);
    if (Name == "PropertyGroup") {
      for (xmlNode *P : elements(N))
        Declared.insert(nameOf(P).lower());
      if (condition(N))
        properties(N);
    } else if (Name == "Import") {
      if (!import(N, Error))
        return false;
    } else if (Name == "ImportGroup") {
      if (condition(N))
        for (xmlNode *I : elements(N))
          if (nameOf(I) == "Import" && !import(I, Error))
            return false;
    } else if (Name == "ItemDefinitionGroup") {
      Definitions.push_back({N, ThisFile});
    } else if (Name == "ItemGroup") {
      Groups.push_back({N, ThisFile});
    } else if (Name == "Choose") {
      if (!choose(N, Error))
        return false;
    }
  }
  return true;
}

// <Choose>: the first <When> whose condition holds, else <Otherwise>.
bool Evaluator::choose(xmlNode *N, std::string &Error) {
  for (xmlNode *C : elements(N)) {
    if (nameOf(C) == "When" && !condition(C))
      continue;
    if (nameOf(C) == "When" || nameOf(C) == "Otherwise")
      return walk(C, Error);
  }
  return true;
}

void Evaluator::properties(xmlNode *Group) {
  for (xmlNode *P : elements(Group)) {
    if (!condition(P))
      continue;
    std::string Name = nameOf(P).lower();
    if (Globals.count(Name))
      continue;
    Props[Name] = expand(textOf(P));
  }
}

// <Import Project=...>: a file of the repository is read where it stands;
// Visual Studio's and the WDK's (through $(VCTargetsPath) and the like) are
// not.
bool Evaluator::import(xmlNode *N, std::string &Error) {
  if (!condition(N))
    return true;
  bool UsedIgnored = false;
  std::string Written =
      expand(attribute(N, "Project"), nullptr, false, &UsedIgnored);
  if (UsedIgnored &&
      StringRef(Written).ends_with_insensitive("Microsoft.Cpp.Default.props"))
    return importDirectoryBuildProps(Error);
  if (UsedIgnored || StringRef(Written).trim().empty())
    return true;
  if (StringRef(Written).contains('*'))
    return true; // a wildcard import is the build machinery's
  bool Found = false;
  std::string Path =
      diskPath(Written, llvm::sys::path::parent_path(ThisFile), Found);
  if (!Found) {
    note(shownPath(ThisFile) + ":" + std::to_string(xmlGetLineNo(N)) +
         ": the imported file " + Written + " is not there; it was skipped");
    return true;
  }
  if (Loaded.count(Path))
    return true; // MSBuild imports a file once
  return readFile(Path, Error);
}

// The item types whose files wdfcheck takes; a macro unknown only to the
// others (a linker's $(DDK_LIB_PATH), an INF's $(InfArch)) is no news.
bool usedType(StringRef Type) {
  return Type == "clcompile" || Type == "messagecompile" ||
         Type == "mofcomp" || Type == "wmimofck" ||
         Type == "projectreference";
}

// Visual Studio's Microsoft.Cpp.Default.props (through Microsoft.Common.props)
// imports the nearest Directory.Build.props above the project: a
// repository's settings for all its projects.
bool Evaluator::importDirectoryBuildProps(std::string &Error) {
  if (StringRef(property("ImportDirectoryBuildProps"))
          .trim()
          .equals_insensitive("false"))
    return true;
  for (StringRef Up = Dir; !Up.empty(); Up = llvm::sys::path::parent_path(Up)) {
    llvm::SmallString<256> Candidate(Up);
    llvm::sys::path::append(Candidate, "Directory.Build.props");
    if (!llvm::sys::fs::is_regular_file(Candidate))
      continue;
    std::string Path(Candidate);
    return Loaded.count(Path) ? true : readFile(Path, Error);
  }
  return true;
}

void Evaluator::readMetadata(xmlNode *N, Metadata &Meta) {
  for (xmlNode *M : elements(N)) {
    if (!condition(M, &Meta))
      continue;
    Meta[nameOf(M).lower()] = expand(textOf(M), &Meta);
  }
}

// Pass 2: item definitions (the defaults of every item of a type).
void Evaluator::definitions(const Deferred &D) {
  ThisFile = D.File;
  if (!condition(D.Node))
    return;
  for (xmlNode *Type : elements(D.Node))
    if (condition(Type))
      readMetadata(Type, ItemDefs[nameOf(Type).lower()]);
}

// The files an Include (or Exclude) names, as written (wildcards in the
// file name matched in its directory).
std::vector<std::string> Evaluator::includes(StringRef Spec, bool Used) {
  std::vector<std::string> Out;
  for (const std::string &Entry : splitList(expand(Spec))) {
    if (hasMacro(Entry)) {
      if (Used)
        Unresolved.push_back(Entry);
      continue;
    }
    if (Entry.find_first_of("*?") == std::string::npos) {
      Out.push_back(Entry);
      continue;
    }
    std::string Slashed = Entry;
    std::replace(Slashed.begin(), Slashed.end(), '\\', '/');
    StringRef Parent = llvm::sys::path::parent_path(Slashed);
    bool Found = false;
    std::string DirPath = diskPath(Parent, Dir, Found);
    auto Glob =
        llvm::GlobPattern::create(llvm::sys::path::filename(Slashed).lower());
    std::error_code EC;
    std::vector<std::string> Matched;
    for (llvm::sys::fs::directory_iterator It(DirPath, EC), End;
         Found && Glob && !EC && It != End; It.increment(EC))
      if (Glob->match(llvm::sys::path::filename(It->path()).lower()))
        Matched.push_back(It->path());
    llvm::sort(Matched);
    llvm::append_range(Out, Matched);
  }
  return Out;
}

// Pass 3: the items.
void Evaluator::items(const Deferred &D) {
  ThisFile = D.File;
  if (!condition(D.Node))
    return;
  for (xmlNode *N : elements(D.Node))
    if (condition(N))
      addItems(N);
}

void Evaluator::addItems(xmlNode *N) {
  std::string Type = nameOf(N).lower();
  auto SamePath = [&](StringRef A, StringRef B) {
    bool F1 = false, F2 = false;
    return diskPath(A, Dir, F1) == diskPath(B, Dir, F2);
  };
  bool Used = usedType(Type);
  std::string Remove = attribute(N, "Remove");
  if (!Remove.empty()) {
    for (const std::string &R : includes(Remove, Used))
      llvm::erase_if(Items, [&](const ProjectItem &I) {
        return I.Type == Type && SamePath(I.Include, R);
      });
    return;
  }
  std::vector<std::string> Excluded = includes(attribute(N, "Exclude"), Used);
  for (const std::string &Include : includes(attribute(N, "Include"), Used)) {
    if (llvm::any_of(Excluded, [&](const std::string &E) {
          return SamePath(E, Include);
        }))
      continue;
    ProjectItem I{Type, Include, ItemDefs[Type]};
    readMetadata(N, I.Meta);
    Items.push_back(std::move(I));
  }
}

bool Evaluator::run(std::string &Error) {
  Dir = llvm::sys::path::parent_path(Project.Path).str();
  setDefaults();
  if (!readFile(Project.Path, Error))
    return false;
  for (const Deferred &D : Definitions)
    definitions(D);
  for (const Deferred &D : Groups)
    items(D);
  describeProject({Dir, std::move(Props), std::move(Items),
                   std::move(Unresolved)},
                  Project);
  return true;
}

} // namespace

bool isBuildMachineryMacro(StringRef Name) {
  return BuildMachineryMacros.contains(Name.lower());
}

bool loadProject(const std::string &Path, const EvalSettings &Settings,
                 ProjectInfo &Project, std::string &Error) {
  Project = ProjectInfo();
  Project.Path = absolutePath(Path);
  if (!llvm::sys::fs::exists(Project.Path)) {
    Error = "cannot read " + Path + ": no such file";
    return false;
  }
  Evaluator E(Settings, Project);
  return E.run(Error);
}

} // namespace wdfcheck
