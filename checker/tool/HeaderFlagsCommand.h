//===- HeaderFlagsCommand.h - wdfcheck header-flags (a diagnostic) --------===//
#ifndef WDFCHECK_TOOL_HEADERFLAGSCOMMAND_H
#define WDFCHECK_TOOL_HEADERFLAGSCOMMAND_H

#include <string>

namespace wdfcheck {

// wdfcheck header-flags ARGS...: the header set's flags, one a line.
// Argv holds what follows "header-flags".  Returns the exit status.
int headerFlagsCommand(int Argc, const char **Argv, const std::string &Share);

} // namespace wdfcheck

#endif
