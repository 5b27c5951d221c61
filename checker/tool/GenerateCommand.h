//===- GenerateCommand.h - wdfcheck generate (diagnostic) -----------------===//
//
// wdfcheck generate {wpp|mc|man|mof} <input> -o <dir>
//     [--trace-function=SPEC]... [--scan-config=FILE] [--include-dir=DIR]...
//     [--header=NAME] [--recorder]
// writes the stand-in header Generated.h makes for <input> and prints its
// path: the generators, tested without a project.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_TOOL_GENERATECOMMAND_H
#define WDFCHECK_TOOL_GENERATECOMMAND_H

namespace wdfcheck {

// Argv holds what follows "generate".  Returns the exit status.
int runGenerate(int Argc, const char **Argv);

} // namespace wdfcheck

#endif
