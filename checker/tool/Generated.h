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

} // namespace wdfcheck

#endif
