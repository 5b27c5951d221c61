//===- Generated.h - the headers a driver's build generates ---------------===//
//
// MSBuild runs tools that write headers the sources include: WPP's tracewpp
// (<source>.tmh), mc.exe (a message file's or an ETW manifest's header) and
// wmimofck (a WMI .mof's header).  wdfcheck writes its own stand-ins for
// them, into the cache directory, never into the user's tree.  Trace calls
// keep their argument expressions, so a use in a trace is still a use.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_GENERATED_H
#define WDFCHECK_TOOL_GENERATED_H

#include "Project.h"

#include <string>
#include <vector>

namespace wdfcheck {

// Writes OutDir/<stem of Source>.tmh: every trace function of the project
// (Wpp.TraceFunctions) and of the begin_wpp config blocks in Source and in
// Wpp.ScanConfigurationData, each a call that keeps its arguments.
bool writeWppHeader(const std::string &Source, const WppSettings &Wpp,
                    const std::string &OutDir, std::string &Error);

// The same for a project source: the headers it includes with quotes
// (where the config block and the WPP_DEFINE_BIT flags usually are) are
// also looked for in its include directories, not only beside the
// including file, the source and the source's parent directory.
bool writeWppHeader(const ProjectSource &Source, const WppSettings &Wpp,
                    const std::string &OutDir, std::string &Error);

// mc.exe on a message file: OutDir/<stem>.h with the ';' header lines and
// one #define per message (severity, facility and code as mc computes them).
bool writeMessageHeader(const std::string &McFile, const std::string &OutDir,
                        std::string &Error);

// mc.exe -um on an ETW manifest: OutDir/<stem>.h declaring
// EventRegister<Provider>, EventUnregister<Provider>, EventWrite<Event>...
bool writeManifestHeader(const std::string &ManFile, const std::string &OutDir,
                         std::string &Error);

// wmimofck -h on a WMI .mof: OutDir/<stem>.h with its GUIDs, data-block
// structs and method IDs.
bool writeMofHeader(const std::string &MofFile, const std::string &OutDir,
                    std::string &Error);

// The same, written to HeaderFile: the project names the header
// (<HeaderOutputFile>ToasterMof.h</HeaderOutputFile> for toaster.mof,
// <GeneratedFilesBaseName>fx2Events</GeneratedFilesBaseName> for
// osrusbfx2.man), and <stem>.h may even clash with a source header.
bool writeMessageHeaderTo(const std::string &McFile,
                          const std::string &HeaderFile, std::string &Error);
bool writeManifestHeaderTo(const std::string &ManFile,
                           const std::string &HeaderFile, std::string &Error);
bool writeMofHeaderTo(const std::string &MofFile,
                      const std::string &HeaderFile, std::string &Error);

} // namespace wdfcheck

#endif
