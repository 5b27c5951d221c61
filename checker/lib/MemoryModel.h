//===- MemoryModel.h - the life of WDFMEMORY objects and their buffers ----===//
//
// The hidden checker wdf.MemoryModel models, once for every lifetime rule
// (WM002, WM004, WM005, WM006, WM009) and the disclosure rule (WM003):
//
//            WdfMemoryCreate*           WdfObjectDelete / parent deleted /
//   (none) ------------------> Alive ------------------------------------> Deleted
//      |   success: a fresh handle  |         request completed              |
//      |   failure: NULL, "Failed"  | escapes (stored outside the function,  |  WdfObjectDelete
//      v                            v passed to an unknown function)         v  again: WM006
//   Failed (use: WM009)       Alive+Escaped (never a leak; still tracked)
//
//   WdfRequestRetrieve*Memory -> FrameworkOwned (owner: the request): dies
//   when the request completes; WdfObjectDelete on it is WM006.
//
// Creation is claimed in evalCall with a success/failure split: on success
// the status is >= 0 and the out-handle a fresh non-NULL symbol, the buffer a
// heap region of BufferSize bytes whose contents are undefined (WdfMemoryCreate
// does not zero); on failure the status is < 0 and the out-handle and
// out-buffer are NULL (symbols remembered as "Failed" for WM009).  The parent
// is read from the attributes on the path: NULL attributes, or ParentObject
// NULL, mean the driver; an unknown ParentObject means "unknown parent" and
// no leak or missing-parent finding.
//
// Field-managed handles: before any path, a walk of the translation unit
// collects the fields it passes to WdfObjectDelete (ctx->Field, g.Field,
// also through a local copy of the field), except from a function that also
// stores a new handle into that field: deleting the previous object while
// replacing it never deletes the newest one.  A handle stored into such a
// field outside the stack is held there: the file deletes it through the
// field, so it is neither a missing parent (WM002) nor lost when the
// function returns (WM004).  Overwriting the field releases it; if nothing
// else kept it, it is then lost like any handle (WM004).
//
// Buffers (WdfMemoryCreate's, WdfMemoryGetBuffer's, a request's) are
// remembered with their owner (object or request) so that a dereference after
// the owner died is a use; request output buffers and output memory are
// marked untrusted destinations for WM003.
//
//===----------------------------------------------------------------------===//
#ifndef WDFCHECK_LIB_MEMORYMODEL_H
#define WDFCHECK_LIB_MEMORYMODEL_H

#include "Ddi.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FoldingSet.h"

namespace wdfcheck {

// The state of one memory handle.
class MemObject {
public:
  enum Kind : unsigned char { Alive, Deleted, FrameworkOwned };
  enum Death : unsigned char {
    NotDead,
    ByDelete,
    ByParent,
    ByCompletion,
    ByCleanup // the EvtCleanupCallback of an object being deleted
  };

  static MemObject created(wdf_ddi_id Ddi, clang::ento::SymbolRef Parent,
                           bool ParentKnown, bool InDriverEntry,
                           const clang::ento::MemRegion *Buffer,
                           const clang::Stmt *Site) {
    return MemObject(Alive, NotDead, Ddi, Parent, ParentKnown,
                     /*Escaped=*/false, InDriverEntry, /*Created=*/true,
                     Buffer, Site);
  }
  static MemObject frameworkOwned(wdf_ddi_id Ddi, clang::ento::SymbolRef Request,
                                  const clang::Stmt *Site) {
    return MemObject(FrameworkOwned, NotDead, Ddi, Request, true, false, false,
                     false, nullptr, Site);
  }
  // A handle the path did not create but deletes (stored in a context...).
  static MemObject seenDeleted(const clang::Stmt *Site) {
    return MemObject(Deleted, ByDelete, WDF_DDI_WdfObjectDelete, nullptr,
                     false, true, false, false, nullptr, Site);
  }

  MemObject deleted(Death Why, const clang::Stmt *Where) const {
    MemObject M = *this;
    M.K = Deleted;
    M.Why = Why;
    M.DeathSite = Where;
    return M;
  }
  // Stored: kept in memory that outlives the function (a context, a
  // global, the caller's), rather than handed to code the analyzer cannot
  // see (which may delete it).
  MemObject escaped(bool Stored) const {
    MemObject M = *this;
    M.IsEscaped = true;
    M.IsStored = M.IsStored || Stored;
    return M;
  }
  MemObject withBuffer(const clang::ento::MemRegion *R) const {
    MemObject M = *this;
    M.Buffer = R;
    return M;
  }
  // Held in a field that the file deletes through (nullptr: released).
  MemObject heldIn(const clang::ento::MemRegion *Field) const {
    MemObject M = *this;
    M.Holder = Field;
    return M;
  }
  // Kept in a field (or element, or global) outside the stack: overwriting
  // it while it holds the only handle loses the object.
  MemObject storedIn(const clang::ento::MemRegion *Field) const {
    MemObject M = *this;
    M.Home = Field;
    return M;
  }
  // Handed to code the analyzer cannot see, which may keep or delete it.
  MemObject handedOff() const {
    MemObject M = *this;
    M.IsHandedOff = true;
    return M;
  }
  // Deleted by the EvtCleanupCallback Callback, run by the delete at Where.
  MemObject deletedByCleanup(const clang::FunctionDecl *Callback,
                             const clang::Stmt *Where) const {
    MemObject M = deleted(ByCleanup, Where);
    M.Cleanup = Callback;
    return M;
  }

  bool isAlive() const { return K == Alive; }
  bool isDeleted() const { return K == Deleted; }
  bool isFrameworkOwned() const { return K == FrameworkOwned; }
  bool wasFrameworkOwned() const { return FrameworkKind; }
  bool isEscaped() const { return IsEscaped; }
  bool isStored() const { return IsStored; }
  bool isCreated() const { return IsCreated; }
  // Kept in a field that the file deletes through: managed, not lost.
  bool isHeld() const { return Holder != nullptr; }
  const clang::ento::MemRegion *holder() const { return Holder; }
  const clang::ento::MemRegion *home() const { return Home; }
  bool isHandedOff() const { return IsHandedOff; }
  // The callback that deleted it (death ByCleanup).
  const clang::FunctionDecl *cleanup() const { return Cleanup; }
  bool inDriverEntry() const { return InDriverEntry; }
  // No parent: the object lives until the driver unloads.
  bool isDriverParented() const { return ParentKnown && !Parent; }
  bool parentKnown() const { return ParentKnown; }
  Death death() const { return Why; }
  wdf_ddi_id ddi() const { return Ddi; }
  clang::ento::SymbolRef parent() const { return Parent; }
  const clang::ento::MemRegion *buffer() const { return Buffer; }
  const clang::Stmt *site() const { return Site; }
  const clang::Stmt *deathSite() const { return DeathSite; }

  bool operator==(const MemObject &O) const {
    return K == O.K && Why == O.Why && Ddi == O.Ddi && Parent == O.Parent &&
           ParentKnown == O.ParentKnown && IsEscaped == O.IsEscaped &&
           InDriverEntry == O.InDriverEntry && IsCreated == O.IsCreated &&
           FrameworkKind == O.FrameworkKind && IsStored == O.IsStored &&
           Buffer == O.Buffer && Holder == O.Holder && Home == O.Home &&
           IsHandedOff == O.IsHandedOff && Cleanup == O.Cleanup &&
           Site == O.Site && DeathSite == O.DeathSite;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(K);
    ID.AddInteger(Why);
    ID.AddInteger(Ddi);
    ID.AddPointer(Parent);
    ID.AddBoolean(ParentKnown);
    ID.AddBoolean(IsEscaped);
    ID.AddBoolean(InDriverEntry);
    ID.AddBoolean(IsCreated);
    ID.AddBoolean(FrameworkKind);
    ID.AddBoolean(IsStored);
    ID.AddPointer(Buffer);
    ID.AddPointer(Holder);
    ID.AddPointer(Home);
    ID.AddBoolean(IsHandedOff);
    ID.AddPointer(Cleanup);
    ID.AddPointer(Site);
    ID.AddPointer(DeathSite);
  }
  void dump(llvm::raw_ostream &OS) const;

private:
  MemObject(Kind K, Death Why, wdf_ddi_id Ddi, clang::ento::SymbolRef Parent,
            bool ParentKnown, bool Escaped, bool InDriverEntry, bool Created,
            const clang::ento::MemRegion *Buffer, const clang::Stmt *Site)
      : K(K), Why(Why), Ddi(Ddi), Parent(Parent), ParentKnown(ParentKnown),
        IsEscaped(Escaped), InDriverEntry(InDriverEntry), IsCreated(Created),
        FrameworkKind(K == FrameworkOwned), Buffer(Buffer), Site(Site) {}

  Kind K;
  Death Why;
  wdf_ddi_id Ddi;
  clang::ento::SymbolRef Parent; // parent handle, or the owning request
  bool ParentKnown, IsEscaped, InDriverEntry, IsCreated, FrameworkKind;
  bool IsStored = false;
  bool IsHandedOff = false;
  const clang::ento::MemRegion *Buffer;
  const clang::ento::MemRegion *Holder = nullptr;
  const clang::ento::MemRegion *Home = nullptr;
  const clang::FunctionDecl *Cleanup = nullptr;
  const clang::Stmt *Site;
  const clang::Stmt *DeathSite = nullptr;
};

// Who owns a buffer region, and whether it is an untrusted destination.
struct BufferInfo {
  clang::ento::SymbolRef Owner; // memory handle or request
  bool OwnerIsRequest;
  bool Untrusted; // the request's output: bytes go to user mode
  wdf_ddi_id Ddi; // where the buffer came from
  // How the owner died (kept here: the owner's handle may be gone while
  // the buffer pointer is still in use).
  MemObject::Death OwnerDeath = MemObject::NotDead;
  // The owner's parent: deleting it (or completing it) frees the buffer
  // even when the owner's handle is gone.
  clang::ento::SymbolRef OwnerParent = nullptr;
  // The call that allocated a fresh, unzeroed buffer (for WM003's fix-it).
  const clang::CallExpr *Allocation = nullptr;
  // The driver's own buffer that a memory object describes (the caller
  // buffer of a creating row: WdfMemoryCreatePreallocated): deleting the
  // object never frees it.
  bool OutlivesOwner = false;

  bool operator==(const BufferInfo &O) const {
    return Owner == O.Owner && OwnerIsRequest == O.OwnerIsRequest &&
           Untrusted == O.Untrusted && Ddi == O.Ddi &&
           OwnerDeath == O.OwnerDeath && OwnerParent == O.OwnerParent &&
           Allocation == O.Allocation && OutlivesOwner == O.OutlivesOwner;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Owner);
    ID.AddBoolean(OwnerIsRequest);
    ID.AddBoolean(Untrusted);
    ID.AddInteger(Ddi);
    ID.AddInteger(OwnerDeath);
    ID.AddPointer(OwnerParent);
    ID.AddPointer(Allocation);
    ID.AddBoolean(OutlivesOwner);
  }
};

// A value a failed call left behind (its out-handle or out-buffer).
struct FailedValue {
  wdf_ddi_id Ddi;
  bool IsBuffer;
  // The function the call was made in: what it stored is remembered while
  // that function runs.
  const clang::StackFrameContext *Frame = nullptr;
  bool operator==(const FailedValue &O) const {
    return Ddi == O.Ddi && IsBuffer == O.IsBuffer && Frame == O.Frame;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(Ddi);
    ID.AddBoolean(IsBuffer);
    ID.AddPointer(Frame);
  }
};

// One use of a memory object or its buffer by a call: a handle argument of a
// memory DDI, a pointer operand of a copy (rules/copies.def), or the memory
// a WDF_MEMORY_DESCRIPTOR is filled with.
struct MemoryUse {
  enum Kind : unsigned char {
    Access,   // the DDI or the copy works on it
    Described // put in a memory descriptor, to be handed to a DDI
  };
  clang::ento::SymbolRef Handle = nullptr;          // a WDFMEMORY argument
  const clang::ento::MemRegion *Buffer = nullptr;   // a pointer into a buffer
  const clang::Expr *Arg = nullptr;
  Kind How = Access;
};

// A call of rules/copies.def.
struct CopyInfo {
  const char *Name;
  unsigned Params;
  int DestArg, SrcArg, SizeArg, OffsetArg;
  wdf_copy_kind Kind;
};

// A rule that reports when handles die, called by the model (which owns the
// dead-symbol clean-up, so the rule cannot see the deaths on its own).
class DeathReporter {
public:
  virtual ~DeathReporter() = default;
  virtual void
  reportDeaths(llvm::ArrayRef<std::pair<clang::ento::SymbolRef, MemObject>> Dead,
               clang::ento::ExplodedNode *N,
               clang::ento::CheckerContext &C) const = 0;
  // The field Field (its source text) is overwritten at N while it holds
  // the last handle of the live object Obj.
  virtual void reportOverwrite(clang::ento::SymbolRef Sym, const MemObject &Obj,
                               llvm::StringRef Field,
                               clang::ento::ExplodedNode *N,
                               clang::ento::CheckerContext &C) const {}
};

// What a delete runs: the EvtCleanupCallback of an object in the deleted
// tree that deletes a handle kept where the callback finds it (a field of
// the object's context, a global).
struct CleanupDelete {
  const clang::FunctionDecl *Callback;
  clang::ento::SymbolRef Owner;  // the object whose callback it is
  clang::ento::SymbolRef Target; // the handle it deletes
  std::string Where;             // "ctx->Scratch", as the callback spells it
  bool InTree;                   // the target is deleted by this delete too
};

// A leaked object waiting for the end of the function it was lost in: the
// finding goes on the return, where the function gives up the handle.
struct LostObject {
  MemObject Obj;
  const clang::StackFrameContext *Frame;
  bool operator==(const LostObject &O) const {
    return Obj == O.Obj && Frame == O.Frame;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    Obj.Profile(ID);
    ID.AddPointer(Frame);
  }
};

class MemoryModel
    : public clang::ento::Checker<
          clang::ento::check::ASTDecl<clang::TranslationUnitDecl>,
          clang::ento::eval::Call, clang::ento::check::PreCall,
          clang::ento::check::PostCall,
          clang::ento::check::PointerEscape, clang::ento::check::DeadSymbols,
          clang::ento::check::LiveSymbols,
          clang::ento::check::PreStmt<clang::ReturnStmt>,
          clang::ento::check::Bind, clang::ento::check::EndFunction> {
public:
  // WM004: live driver-parented objects whose last handle died.
  std::unique_ptr<DeathReporter> Leaks;
  // WM002: driver-parented objects, stored somewhere, whose handle left the
  // analysis (the function returned and the storage died with it).
  const DeathReporter *Parentless = nullptr;

  MemoryModel();

  void checkASTDecl(const clang::TranslationUnitDecl *TU,
                    clang::ento::AnalysisManager &Mgr,
                    clang::ento::BugReporter &BR) const;
  bool evalCall(const clang::ento::CallEvent &Call,
                clang::ento::CheckerContext &C) const;
  void checkPreCall(const clang::ento::CallEvent &Call,
                    clang::ento::CheckerContext &C) const;
  void checkPostCall(const clang::ento::CallEvent &Call,
                     clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::ReturnStmt *RS,
                    clang::ento::CheckerContext &C) const;
  void checkBind(clang::ento::SVal Loc, clang::ento::SVal Val,
                 const clang::Stmt *S, clang::ento::CheckerContext &C) const;
  void checkEndFunction(const clang::ReturnStmt *RS,
                        clang::ento::CheckerContext &C) const;
  clang::ento::ProgramStateRef
  checkPointerEscape(clang::ento::ProgramStateRef State,
                     const clang::ento::InvalidatedSymbols &Escaped,
                     const clang::ento::CallEvent *Call,
                     clang::ento::PointerEscapeKind Kind) const;
  void checkDeadSymbols(clang::ento::SymbolReaper &SR,
                        clang::ento::CheckerContext &C) const;
  void checkLiveSymbols(clang::ento::ProgramStateRef State,
                        clang::ento::SymbolReaper &SR) const;
  void printState(llvm::raw_ostream &Out, clang::ento::ProgramStateRef State,
                  const char *NL, const char *Sep) const override;

  // --- queries for the rules ------------------------------------------------
  static const MemObject *object(clang::ento::ProgramStateRef State,
                                 clang::ento::SymbolRef Handle);
  static const BufferInfo *buffer(clang::ento::ProgramStateRef State,
                                  const clang::ento::MemRegion *Base);
  static const FailedValue *failed(clang::ento::ProgramStateRef State,
                                   clang::ento::SymbolRef Sym);
  static void
  forEachObject(clang::ento::ProgramStateRef State,
                llvm::function_ref<void(clang::ento::SymbolRef, const MemObject &)> F);
  // The variable (or field) a failed call left its NULL in, while it holds it.
  static const FailedValue *failedAt(clang::ento::ProgramStateRef State,
                                     const clang::ento::MemRegion *R);
  // Whether Frame is From or one of its callers (still running).
  static bool isActiveFrame(const clang::StackFrameContext *Frame,
                            const clang::LocationContext *From);
  // Whether R is a local of a frame that is still running.
  static bool inActiveFrame(const clang::ento::MemRegion *R,
                            const clang::LocationContext *From);

  // Where the value of E was read from: a variable, or a field of one.
  static const clang::ento::MemRegion *
  storageOf(const clang::Expr *E, clang::ento::CheckerContext &C);
  static bool isCompleted(clang::ento::ProgramStateRef State,
                          clang::ento::SymbolRef Request);
  // The handle symbol an argument carries, if any.
  static clang::ento::SymbolRef handleOf(clang::ento::SVal V);
  const DdiMatcher &ddis() const { return Ddis; }
  // Whether R is a field, outside the stack, that the file passes to
  // WdfObjectDelete somewhere: a handle stored there is managed.
  bool isManagedField(const clang::ento::MemRegion *R) const;
  const CopyInfo *matchCopy(const clang::ento::CallEvent &Call) const;

  // The handles that the EvtCleanupCallbacks run by WdfObjectDelete(Obj)
  // here delete: Obj's and those of the objects deleted with it (its
  // children), whose callbacks were given in the attributes of their
  // creation on this path.  None for an object the framework disposes at
  // PASSIVE_LEVEL deleted where the IRQL can be higher: its cleanup is
  // deferred to a work item and does not run inside the delete.
  std::vector<CleanupDelete> cleanupDeletes(clang::ento::SymbolRef Obj,
                                            clang::ento::CheckerContext &C) const;

  // Whether the pool an allocating DDI takes memory from is paged: its
  // POOL_TYPE or POOL_FLAGS argument, or the pool of the lookaside list it
  // allocates from when the list was created on the path.  None when the
  // path does not say.
  static std::optional<bool> isPagedPool(const clang::ento::CallEvent &Call,
                                         const DdiInfo &D,
                                         clang::ento::CheckerContext &C);
  // After a WdfLookasideListCreate: remembers whether the list is paged
  // (WM001's, which calls it: wdf.PoolIrql does not depend on this model).
  static void recordLookasidePool(const clang::ento::CallEvent &Call,
                                  const DdiInfo &D,
                                  clang::ento::CheckerContext &C);

  // The uses a call makes of memory objects and buffers.  WdfObjectDelete
  // counts only when IncludeDelete (it is WM006's, not WM005's).
  void collectUses(const clang::ento::CallEvent &Call, bool IncludeDelete,
                   llvm::SmallVectorImpl<MemoryUse> &Uses) const;
  // Whether the tables say everything a call does with memory: a copy, or
  // a DDI whose row names every memory argument it takes (deleting,
  // referencing: the other arguments are tags and source positions).
  bool describesAllUses(const clang::ento::CallEvent &Call) const;

  // A note tag that explains a lifetime event to the reports about Sym.
  static const clang::ento::NoteTag *
  noteFor(clang::ento::CheckerContext &C, clang::ento::SymbolRef Sym,
          std::string Text);
  // One event that concerns several symbols: the text of the first one
  // the report is about.
  using NoteCase = std::pair<clang::ento::SymbolRef, std::string>;
  static const clang::ento::NoteTag *noteFor(clang::ento::CheckerContext &C,
                                             std::vector<NoteCase> Cases);

private:
  const DdiMatcher Ddis;
  CalleeMap<CopyInfo> Copies;
  // The fields the file deletes through (canonical declarations), learnt
  // before any path; one checker per translation unit.
  mutable llvm::DenseSet<const clang::FieldDecl *> DeletedFields;
  // What each function of the file, run as an EvtCleanupCallback, deletes
  // on every path through it (learnt before any path).
public:
  struct CleanupTarget {
    // A field of the context (of the type whose descriptor is TypeInfo) of
    // the object the callback runs for; else the global Global, or its
    // field Field.
    const clang::VarDecl *TypeInfo = nullptr;
    const clang::VarDecl *Global = nullptr;
    const clang::FieldDecl *Field = nullptr;
    std::string Text;
  };

private:
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         llvm::SmallVector<CleanupTarget, 1>>
      CleanupTargets;

  // The object whose only handle is in R, lost if R is overwritten now.
  std::optional<std::pair<clang::ento::SymbolRef, MemObject>>
  lostByOverwrite(clang::ento::ProgramStateRef State,
                  const clang::ento::MemRegion *R) const;
  // Reports the object lost by overwriting R (Field: how the code spells
  // it) and forgets it; the state to go on from, and N the node to go on
  // from.
  clang::ento::ProgramStateRef
  overwrite(clang::ento::ProgramStateRef State, const clang::ento::MemRegion *R,
            const clang::Expr *Field, clang::ento::ExplodedNode *&N,
            clang::ento::CheckerContext &C) const;
  bool evalContext(const clang::ento::CallEvent &Call, const DdiInfo &D,
                   clang::ento::CheckerContext &C) const;

  bool evalCreate(const clang::ento::CallEvent &Call, const DdiInfo &D,
                  clang::ento::CheckerContext &C) const;
  void createObject(clang::ento::ProgramStateRef Ok,
                    const clang::ento::CallEvent &Call, const DdiInfo &D,
                    const clang::Expr *CE, clang::ento::Loc Out,
                    clang::ento::SymbolRef Parent, bool ParentKnown,
                    clang::ento::ExplodedNode *Pred,
                    clang::ento::CheckerContext &C) const;
  bool evalRetrieve(const clang::ento::CallEvent &Call, const DdiInfo &D,
                    clang::ento::CheckerContext &C) const;
  bool evalGetBuffer(const clang::ento::CallEvent &Call, const DdiInfo &D,
                     clang::ento::CheckerContext &C) const;
  bool evalDelete(const clang::ento::CallEvent &Call, const DdiInfo &D,
                  clang::ento::CheckerContext &C) const;
  bool evalComplete(const clang::ento::CallEvent &Call, const DdiInfo &D,
                    clang::ento::CheckerContext &C) const;
  bool evalPoolAlloc(const clang::ento::CallEvent &Call, const DdiInfo &D,
                     clang::ento::CheckerContext &C) const;
  bool evalAttributesInit(const clang::ento::CallEvent &Call,
                          const DdiInfo &D,
                          clang::ento::CheckerContext &C) const;
};

// Whether a report belongs to one of the lifetime or disclosure rules.
bool isMemoryReport(const clang::ento::PathSensitiveBugReport &R);

} // namespace wdfcheck

#endif
