//===- ProjectItems.h - a .vcxproj after evaluation, before description ---===//
//
// Project.cpp evaluates the MSBuild XML into final properties and items;
// ProjectDescribe.cpp says what they build (ProjectInfo).  Internal to the
// two.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_PROJECTITEMS_H
#define WDFCHECK_TOOL_PROJECTITEMS_H

#include "Project.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace wdfcheck {

// Metadata of an item or item definition, by lower-case name.
using Metadata = std::map<std::string, std::string>;

struct ProjectItem {
  std::string Type; // lower case: clcompile, messagecompile, ...
  std::string Include;
  Metadata Meta;
};

struct EvaluatedProject {
  std::string Dir; // the project's directory, absolute
  std::map<std::string, std::string> Properties; // final, by lower-case name
  std::vector<ProjectItem> Items;                 // in evaluation order
  // The Include entries of items wdfcheck takes (sources, message files,
  // references) that hold an unresolved macro: left out, to be noted.
  std::vector<std::string> Unresolved;
};

// A ';'-separated list, without empty entries.
std::vector<std::string> splitList(llvm::StringRef List);

// A macro of Visual Studio's or the WDK's own .props and .targets, which
// wdfcheck does not read ($(VCTargetsPath), $(UserRootDir), ...).
bool isBuildMachineryMacro(llvm::StringRef Name);

// Fills Project from E: its properties, sources (with their defines and
// include directories), WPP settings, message, MOF and referenced files.
// What it cannot follow is added to Project.Notes once.  A value still
// holding an unresolved $(Macro) is noted; a path through one is left out.
void describeProject(const EvaluatedProject &E, ProjectInfo &Project);

} // namespace wdfcheck

#endif
