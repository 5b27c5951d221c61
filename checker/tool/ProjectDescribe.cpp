//===- ProjectDescribe.cpp - what an evaluated .vcxproj builds -----------===//
//
// From the final properties and items of a project (Project.cpp) to what
// wdfcheck needs: each source with its defines and include directories
// found on disk, the WPP settings, the message, MOF and referenced files.
//
//===----------------------------------------------------------------------===//
#include "DiskPath.h"
#include "ProjectItems.h"
#include "Tool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"

#include <set>

namespace wdfcheck {

std::vector<std::string> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

namespace {

using llvm::StringRef;

bool isTrue(StringRef V) { return V.trim().equals_insensitive("true"); }

// V without the unresolved macros Project.cpp left in it as written.
std::string withoutMacros(StringRef V) {
  std::string Out;
  while (!V.empty()) {
    size_t At = V.find("$(");
    Out += V.take_front(At);
    if (At == StringRef::npos)
      break;
    size_t Close = V.find(')', At);
    V = Close == StringRef::npos ? StringRef() : V.drop_front(Close + 1);
  }
  return Out;
}

// The value of an item's metadata, "" when it has none.
std::string metadata(const ProjectItem &I, StringRef Name) {
  auto It = I.Meta.find(Name.lower());
  return It == I.Meta.end() ? std::string() : It->second;
}

// The last component of a Windows path as a project writes it (quotes and
// backslashes as they come), and the same without its extension.
std::string fileName(StringRef Written) {
  Written = Written.trim().trim('"');
  return Written.substr(Written.find_last_of("\\/") + 1).str();
}
std::string fileStem(StringRef Written) {
  std::string Name = fileName(Written);
  return StringRef(Name).substr(0, StringRef(Name).rfind('.')).lower();
}

class Describer {
public:
  Describer(const EvaluatedProject &E, ProjectInfo &Project)
      : E(E), Project(Project) {}
  void describe();

private:
  const EvaluatedProject &E;
  ProjectInfo &Project;

  std::string property(StringRef Name) const {
    auto It = E.Properties.find(Name.lower());
    return It == E.Properties.end() ? "" : It->second;
  }
  void note(const std::string &Text) {
    if (!llvm::is_contained(Project.Notes, Text))
      Project.Notes.push_back(Text);
  }
  bool noteMacros(StringRef Value);
  std::string resolve(StringRef Written, const char *What);
  // Adds the file Written names to List; false when it is not there (said
  // in a note) or is listed already.
  bool addFile(std::vector<std::string> &List, StringRef Written,
               const char *What);
  void describeSource(const ProjectItem &I, std::set<std::string> &Seen);
  void describeWpp(const ProjectItem &I);
};

// Written as a path on disk, relative to the project; a missing one is
// noted (What names it) and given as written.
std::string Describer::resolve(StringRef Written, const char *What) {
  bool Found = false;
  std::string Path = diskPath(Written, E.Dir, Found);
  if (!Found && What)
    note(shownPath(Project.Path) + ": the " + What + " " + Written.str() +
         " is not there");
  return Path;
}

// Notes each unresolved macro Value holds (once per macro); whether it
// holds one.  Visual Studio's own macros are not news.
bool Describer::noteMacros(StringRef Value) {
  bool Any = false;
  for (size_t At = Value.find("$("); At != StringRef::npos;
       At = Value.find("$(", At + 2)) {
    Any = true;
    StringRef Name = Value.drop_front(At + 2).split(')').first;
    if (Name.starts_with("[") || Name.contains('.') || Name.contains(':'))
      note(shownPath(Project.Path) + ": the MSBuild property function $(" +
           Name.str() + ") is not evaluated; what uses it is left out");
    else if (!isBuildMachineryMacro(Name))
      note(shownPath(Project.Path) + ": unknown MSBuild macro $(" +
           Name.str() + "): what uses it is left out (define it in the "
           "project, or give the kernel headers with --wdk or "
           "--kmdf-headers)");
  }
  return Any;
}

// What the items say: the sources with their flags, WPP, message and MOF
// files, references, and the properties a driver is described by.
void Describer::describe() {
  Project.Name = property("ProjectName");
  Project.ConfigurationType = property("ConfigurationType");
  Project.DriverType = property("DriverType");
  // A version that is not a number is the WDK's default, as none.
  auto Version = [&](StringRef Name, unsigned &To) {
    if (StringRef(property(Name)).trim().getAsInteger(10, To))
      To = 0;
  };
  Version("KMDF_VERSION_MAJOR", Project.KmdfMajor);
  Version("KMDF_VERSION_MINOR", Project.KmdfMinor);
  for (const std::string &U : E.Unresolved)
    noteMacros(U);
  std::set<std::string> Seen;
  // MofComp makes a .bmf of a .mof; wmimofck makes the header of a .bmf.
  std::map<std::string, std::string> MofOfBinary, HeaderOfBinary;
  for (const ProjectItem &I : E.Items) {
    StringRef Ext = llvm::sys::path::extension(I.Include);
    if (I.Type == "clcompile") {
      describeSource(I, Seen);
    } else if (I.Type == "messagecompile") {
      std::vector<std::string> &List = Ext.equals_insensitive(".mc")
                                           ? Project.MessageFiles
                                           : Project.ManifestFiles;
      if (addFile(List, I.Include, "message file")) {
        std::string Base = metadata(I, "GeneratedFilesBaseName");
        if (Base.empty())
          Base = llvm::sys::path::stem(List.back()).str();
        Project.HeaderNames[List.back()] = Base + ".h";
      }
    } else if ((I.Type == "mofcomp" || I.Type == "wmimofck") &&
               Ext.equals_insensitive(".mof")) {
      if (addFile(Project.MofFiles, I.Include, "MOF file")) {
        std::string Binary = fileStem(metadata(I, "CreateBinaryMofFile"));
        if (Binary.empty())
          Binary = fileStem(I.Include);
        MofOfBinary[Binary] = Project.MofFiles.back();
      }
    } else if (I.Type == "wmimofck") {
      std::string Header = metadata(I, "HeaderOutputFile");
      if (!Header.empty())
        HeaderOfBinary[fileStem(I.Include)] = fileName(Header);
    } else if (I.Type == "projectreference") {
      addFile(Project.References, I.Include, "referenced project");
    } else if (I.Type == "projectconfiguration") {
      Project.Configurations.push_back(I.Include);
    }
  }
  for (const auto &[Binary, Header] : HeaderOfBinary) {
    auto Mof = MofOfBinary.find(Binary);
    if (Mof != MofOfBinary.end())
      Project.HeaderNames[Mof->second] = Header;
  }
}

bool Describer::addFile(std::vector<std::string> &List, StringRef Written,
                        const char *What) {
  bool Found = false;
  std::string Path = diskPath(Written, E.Dir, Found);
  if (!Found) {
    note(shownPath(Project.Path) + ": the " + What + " " + Written.str() +
         " is not there; it was skipped");
    return false;
  }
  if (llvm::is_contained(List, Path))
    return false;
  List.push_back(Path);
  return true;
}

void Describer::describeSource(const ProjectItem &I,
                               std::set<std::string> &Seen) {
  auto Meta = [&](StringRef Name) { return metadata(I, Name); };
  if (isTrue(Meta("ExcludedFromBuild")))
    return;
  bool Found = false;
  ProjectSource S;
  S.File = diskPath(I.Include, E.Dir, Found);
  if (!Found) {
    note(shownPath(Project.Path) + ": the source " + I.Include +
         " is not there; it was skipped");
    return;
  }
  if (!Seen.insert(S.File).second)
    return;
  StringRef Ext = llvm::sys::path::extension(S.File);
  std::string CompileAs = Meta("CompileAs");
  S.Cxx = CompileAs == "CompileAsCpp" ||
          (CompileAs != "CompileAsC" &&
           (Ext.equals_insensitive(".cpp") || Ext.equals_insensitive(".cxx") ||
            Ext.equals_insensitive(".cc")));
  // A define keeps its name when its value names an unresolved macro; a
  // path through one is no path.
  for (const std::string &D : splitList(Meta("PreprocessorDefinitions"))) {
    noteMacros(D);
    std::string Define = StringRef(withoutMacros(D)).trim().str();
    if (!Define.empty())
      S.Defines.push_back(Define);
  }
  for (const std::string &D : splitList(Meta("AdditionalIncludeDirectories")))
    if (!noteMacros(D))
      S.IncludeDirs.push_back(resolve(D, "include directory"));
  for (const std::string &F : splitList(Meta("ForcedIncludeFiles")))
    if (!noteMacros(F))
      S.ForcedIncludes.push_back(resolve(F, "forced include file"));
  // A source compiled with a precompiled header (/Yu) never searches for
  // that header: cl.exe takes it from the .pch, which was built in the
  // project's directory.  Found there, last, as that header would be.
  if (StringRef(Meta("PrecompiledHeader")).trim().equals_insensitive("Use") &&
      !llvm::is_contained(S.IncludeDirs, E.Dir))
    S.IncludeDirs.push_back(E.Dir);
  S.Wpp = isTrue(Meta("WppEnabled"));
  if (S.Wpp)
    describeWpp(I);
  Project.Sources.push_back(std::move(S));
}

// The project's WPP settings: those of its WPP sources, trace functions
// gathered from all of them.
void Describer::describeWpp(const ProjectItem &I) {
  auto Meta = [&](StringRef Name) { return metadata(I, Name); };
  WppSettings &W = Project.Wpp;
  bool First = !W.Enabled;
  W.Enabled = true;
  for (const std::string &F : splitList(Meta("WppTraceFunction")))
    if (!llvm::is_contained(W.TraceFunctions, F))
      W.TraceFunctions.push_back(F);
  std::string Scan = Meta("WppScanConfigurationData");
  if (W.ScanConfigurationData.empty() && !StringRef(Scan).trim().empty())
    W.ScanConfigurationData = resolve(Scan, "WPP configuration header");
  if (First) {
    std::string Kernel = Meta("WppKernelMode");
    W.Kernel = Kernel.empty() || isTrue(Kernel);
    W.Recorder = isTrue(Meta("WppRecorderEnabled"));
  }
}

} // namespace

void describeProject(const EvaluatedProject &E, ProjectInfo &Project) {
  Describer(E, Project).describe();
}

} // namespace wdfcheck
