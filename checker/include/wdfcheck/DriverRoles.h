//===- DriverRoles.h - callback registrations as facts of the whole driver -===//
//
// A callback registered in device.c (cfg.EvtIoRead = EvtRead, on a passive
// queue) and defined in queue.c gets its role, and the narrowing of its
// registration, in queue.c too: wdfcheck --ctu collects each file's
// registrations while it builds its cross-file index and hands the joined
// set to wdf.IrqlModel (option DriverRoles).  The text form has one
// registration a line: "<length>:<function lookup name> <role type>
// <levels> <narrowing>".
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_DRIVERROLES_H
#define WDFCHECK_DRIVERROLES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace wdfcheck {

// The registrations a translation unit makes of externally visible
// functions (role-type declarations are not registrations), in text form.
std::string registrationsOf(clang::ASTContext &Ctx,
                            const clang::Preprocessor &PP);

// The driver's registrations: the files' texts joined (a function
// registered in several places gets the union of their levels), without
// the functions named in Ambiguous (defined in more than one file).  False
// when a text is malformed.
bool joinRegistrations(llvm::ArrayRef<std::string> Texts,
                       const llvm::StringSet<> &Ambiguous, std::string &Out);

} // namespace wdfcheck

#endif
