//===- Project.h - what a Visual Studio driver project builds ------------===//
//
// A KMDF driver is built by MSBuild from a .sln of .vcxproj files.  This
// evaluates a .vcxproj the way MSBuild would for one configuration and
// platform (conditions, property groups, imported .props inside the
// repository, item definition groups and per-item metadata) and says what
// it compiles and with which defines and include directories.  The XML is
// read with libxml2.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_PROJECT_H
#define WDFCHECK_TOOL_PROJECT_H

#include <map>
#include <string>
#include <vector>

namespace wdfcheck {

// How a project is evaluated.
struct EvalSettings {
  std::string Configuration = "Debug"; // --config
  std::string Platform = "x64";        // --platform (x64, ARM64, Win32)
  // MSBuild properties known before the project is read: the header set's
  // $(DDK_INC_PATH), $(SDK_INC_PATH), ... (HeaderSet.h) and
  // $(SolutionDir) when the project comes from a solution.  The project's
  // own properties are added as it is read.
  std::map<std::string, std::string> Properties;
};

// One ClCompile item.
struct ProjectSource {
  std::string File;                      // absolute, as found on disk
  bool Cxx = false;                      // .cpp/.cxx/.cc, or CompileAs
  std::vector<std::string> Defines;      // NAME or NAME=VALUE, in order
  std::vector<std::string> IncludeDirs;  // absolute, in order
  std::vector<std::string> ForcedIncludes; // ForcedIncludeFiles, absolute
  bool Wpp = false;                      // WPP preprocesses this file
};

// The project's WPP settings (<WppEnabled>, <WppTraceFunction>, ...).
struct WppSettings {
  bool Enabled = false;
  // Each <WppTraceFunction> value, e.g. "TraceEvents(LEVEL,FLAGS,MSG,...)".
  std::vector<std::string> TraceFunctions;
  // <WppScanConfigurationData>: the header holding the begin_wpp config
  // block, absolute; "" when none is named.
  std::string ScanConfigurationData;
  bool Kernel = true;    // <WppKernelMode>
  bool Recorder = false; // <WppRecorderEnabled>
};

// What one .vcxproj builds in the evaluated configuration.
struct ProjectInfo {
  std::string Path; // the .vcxproj, absolute
  std::string Name; // its file name without extension (or <ProjectName>)
  std::string ConfigurationType; // Driver, StaticLibrary, DynamicLibrary...
  std::string DriverType;        // KMDF, UMDF, WDM, or ""
  unsigned KmdfMajor = 0, KmdfMinor = 0; // 0.0: the project names none
  std::vector<ProjectSource> Sources;
  WppSettings Wpp;
  std::vector<std::string> MessageFiles;  // MessageCompile .mc, absolute
  std::vector<std::string> ManifestFiles; // MessageCompile .man (ETW)
  std::vector<std::string> MofFiles;      // Mofcomp/Wmimofck .mof
  std::vector<std::string> References;    // ProjectReference, absolute
  // The header a message, manifest or MOF file's tool writes, as the
  // project names it (a file name): <GeneratedFilesBaseName>fx2Events for
  // osrusbfx2.man, wmimofck's <HeaderOutputFile>ToasterMof.h for the
  // .bmf MofComp makes of toaster.mof.  A MOF no header is made of is
  // absent (wmimofck writes one only when asked).
  std::map<std::string, std::string> HeaderNames;
  // Its <ProjectConfiguration> items ("Debug|x64", ...): a configuration
  // it lacks is evaluated all the same, with no configuration's
  // conditions holding.
  std::vector<std::string> Configurations;
  // Said once each: an unknown macro, a source that is missing, ...
  std::vector<std::string> Notes;
};

// Evaluates the .vcxproj at Path.  False with Error on a file that cannot
// be read or is not well-formed XML (Error names the file and line).
bool loadProject(const std::string &Path, const EvalSettings &Settings,
                 ProjectInfo &Project, std::string &Error);

// The .vcxproj files a .sln names, absolute, in its order.
bool loadSolution(const std::string &Path, std::vector<std::string> &Projects,
                  std::string &Error);

} // namespace wdfcheck

#endif
