//===- DriverFacts.h - what the whole driver says, for each of its files ---===//
//
// wdfcheck --ctu collects these facts from each file while it builds its
// cross-file index and hands the driver's to the checkers:
//   - callback registrations: a callback registered in device.c
//     (cfg.EvtIoRead = EvtRead, on a passive queue) and defined in queue.c
//     gets its role, and the narrowing of its registration, in queue.c too
//     (wdf.IrqlModel, option DriverRoles).  The text form has one
//     registration a line: "<length>:<function lookup name> <role type>
//     <levels> <narrowing>".
//   - the NX opt-in: whether the driver's DriverEntry, in whatever file,
//     calls ExInitializeDriverRuntime(DrvRtPoolNxOptIn) (wdf.BadArgument,
//     option DriverNxOptIn).
//   - paged fields: the fields (record type and name) and globals that
//     only ever receive paged memory anywhere in the driver
//     (wdf.PagedAccess, option DriverPagedFields).
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_DRIVERROLES_H
#define WDFCHECK_DRIVERROLES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace wdfcheck {

// What a translation unit stores into fields and globals, for the paged
// fields of the driver: one line each, "<key> paged|other <function>
// <file>:<line>" (key: "Record::Field", or "::Global").
std::string pagedStoresOf(clang::ASTContext &Ctx);
// The driver's paged fields from the files' texts: a key every file stores
// only paged memory into (or nothing), one line each, "<key> <where>".
std::string joinPagedStores(llvm::ArrayRef<std::string> Texts);

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

// A file's DriverEntry: whether it calls
// ExInitializeDriverRuntime(DrvRtPoolNxOptIn), itself or through a function
// of the file, and where it is ("driver.c:12").
struct DriverEntryFact {
  bool OptsIn = false;
  std::string Where;
};
// None when the file defines no DriverEntry.
std::optional<DriverEntryFact> driverEntryFact(clang::ASTContext &Ctx,
                                               const clang::Preprocessor &PP);

// wdf.BadArgument's DriverNxOptIn values: the driver's one DriverEntry opts
// in ("made"), or does not ("missing@driver.c:12"); "" when the driver has
// no DriverEntry or several (unknown: nothing is reported).
inline constexpr const char *NxOptInMade = "made";
inline constexpr const char *NxOptInMissingAt = "missing@";

} // namespace wdfcheck

#endif
