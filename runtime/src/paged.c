/*
 * paged.c - paged pool: an arena that is out while the IRQL is too high.
 *
 * On Windows a paged page may be out, and above APC_LEVEL the page fault
 * that would bring it in cannot be taken: the system stops with bug check
 * 0xA (IRQL_NOT_LESS_OR_EQUAL).  Driver Verifier makes that certain
 * instead of rare by trimming paged pages whenever the IRQL is raised;
 * the runtime does the same.  Paged pool (ExAllocatePool* with a paged
 * type or POOL_FLAG_PAGED, WdfMemoryCreate and lookasides with PagedPool)
 * comes from one page-aligned arena of its own, and while the IRQL is
 * above APC_LEVEL the arena's pages are PROT_NONE.  A touch then faults;
 * the fault is reported as WM010 at the touch, with the allocation's site,
 * and the arena is opened so the driver goes on, as after other reports.
 * It stays open until the IRQL drops to APC_LEVEL or below and rises
 * again: one finding per raise, not one per instruction.  A touch of paged
 * pool made above APC_LEVEL in the same raise is no WM010: the allocation
 * was the WM001 (one path, one finding, as the catalog reads it), and the
 * arena is opened silently.
 *
 * One mprotect per transition across APC_LEVEL, none per allocation.  The
 * harness is single-threaded, so the arena follows the one thread's IRQL.
 * The runtime's own writes into paged buffers (filling a new or a freed
 * one) open the arena around themselves (wdfrt_int_paged_open/close); its
 * bookkeeping (the free lists) lives outside the arena.
 *
 * The allocator is simple: power-of-two blocks from 16 bytes, bumped from
 * the arena's start and kept on one free stack per size on free.  A block
 * of a page or more is page-aligned, as the system's paged pool returns
 * it.  A fault anywhere else -- outside the arena, or in it while it is
 * open -- is a real crash and goes to the handler that was there before
 * (the harness's, or the default one, which kills the process).
 */
#define _GNU_SOURCE
#include <execinfo.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "wdfrt_internal.h"

#define ARENA_RESERVE ((size_t)4 << 30) /* address space, not memory */
#define ARENA_GROW ((size_t)1 << 20)
#define MIN_SHIFT 4 /* 16 bytes, MEMORY_ALLOCATION_ALIGNMENT */
#define SIZE_CLASSES 28 /* 16 bytes .. 2 GiB */

typedef struct free_stack {
  void **blocks;
  size_t count, capacity;
} free_stack_t;

static struct {
  unsigned char *base;
  size_t used;   /* bumped so far */
  size_t extent; /* page-rounded; [base, base + extent) is read-write or
                    PROT_NONE, the rest of the reservation PROT_NONE */
  int closed;    /* the extent is PROT_NONE: the IRQL is above APC_LEVEL */
  int failed;    /* the reservation failed: paged pool is unavailable */
  unsigned long raises; /* rises above APC_LEVEL so far */
  free_stack_t free[SIZE_CLASSES];
  struct sigaction previous; /* SIGSEGV's handler before ours */
} arena;

static void on_fault(int signal_number, siginfo_t *info, void *context);

/* --- the arena --------------------------------------------------------- */

static int reserve(void) {
  if (arena.base || arena.failed)
    return arena.base != NULL;
  void *base = mmap(NULL, ARENA_RESERVE, PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) {
    arena.failed = 1;
    return 0;
  }
  arena.base = base;
  arena.closed = wdfrt_current_irql() > APC_LEVEL;
  /* backtrace() loads the unwinder on its first call, which allocates:
     make that call now, not in the fault handler. */
  void *frames[2];
  (void)backtrace(frames, 2);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_fault;
  action.sa_flags = SA_SIGINFO; /* a fault in the handler kills */
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, &arena.previous);
  return 1;
}

static void set_protection(int prot) {
  if (arena.extent)
    mprotect(arena.base, arena.extent, prot);
}

/* The pages the bump pointer reaches are made usable (or left closed while
   the arena is closed). */
static int grow(size_t used) {
  if (used > ARENA_RESERVE)
    return 0;
  if (used <= arena.extent)
    return 1;
  size_t extent = (used + ARENA_GROW - 1) & ~(ARENA_GROW - 1);
  if (extent > ARENA_RESERVE)
    extent = ARENA_RESERVE;
  if (!arena.closed &&
      mprotect(arena.base + arena.extent, extent - arena.extent,
               PROT_READ | PROT_WRITE) != 0)
    return 0;
  arena.extent = extent;
  return 1;
}

static unsigned size_class(size_t size) {
  unsigned c = 0;
  while (c < SIZE_CLASSES && ((size_t)1 << (c + MIN_SHIFT)) < size)
    ++c;
  return c;
}

static void *bump(size_t block) {
  size_t align = block < PAGE_SIZE ? block : PAGE_SIZE;
  size_t start = (arena.used + align - 1) & ~(align - 1);
  if (!grow(start + block))
    return NULL;
  arena.used = start + block;
  return arena.base + start;
}

void *wdfrt_int_paged_alloc(size_t size) {
  unsigned c = size_class(size ? size : 1);
  if (c == SIZE_CLASSES || !reserve())
    return NULL;
  free_stack_t *stack = &arena.free[c];
  if (stack->count)
    return stack->blocks[--stack->count];
  return bump((size_t)1 << (c + MIN_SHIFT));
}

/* Keeps the block for reuse; the stack lives outside the arena, so freeing
   touches no paged page. */
void wdfrt_int_paged_free(void *block, size_t size) {
  free_stack_t *stack = &arena.free[size_class(size ? size : 1)];
  if (stack->count == stack->capacity) {
    size_t capacity = stack->capacity ? stack->capacity * 2 : 64;
    void **blocks = realloc(stack->blocks, capacity * sizeof *blocks);
    if (!blocks)
      return; /* the block is lost to reuse, not to correctness */
    stack->blocks = blocks;
    stack->capacity = capacity;
  }
  stack->blocks[stack->count++] = block;
}

int wdfrt_int_paged_holds(const void *p) {
  const unsigned char *at = p;
  return arena.base && at >= arena.base && at < arena.base + arena.used;
}

/* --- the IRQL ---------------------------------------------------------- */

void wdfrt_int_paged_irql_changed(unsigned old_irql, unsigned new_irql) {
  int closed = new_irql > APC_LEVEL;
  if ((old_irql > APC_LEVEL) == closed)
    return;
  arena.raises += closed;
  if (!arena.base)
    return;
  if (closed == arena.closed)
    return; /* opened by a reported touch and now lowered: already open */
  set_protection(closed ? PROT_NONE : PROT_READ | PROT_WRITE);
  arena.closed = closed;
}

unsigned long wdfrt_int_paged_raise(void) {
  return wdfrt_current_irql() > APC_LEVEL ? arena.raises : 0;
}

int wdfrt_int_paged_open(void) {
  if (!arena.closed)
    return 0;
  set_protection(PROT_READ | PROT_WRITE);
  arena.closed = 0;
  return 1;
}

void wdfrt_int_paged_close(int was_closed) {
  if (!was_closed || arena.closed)
    return;
  set_protection(PROT_NONE);
  arena.closed = 1;
}

/* --- PAGED_CODE() ------------------------------------------------------ */

void wdfrt_paged_code(const char *file, int line, const char *function) {
  unsigned irql = wdfrt_current_irql();
  if (irql <= APC_LEVEL)
    return;
  wdfrt_int_site_t site = {file, line};
  wdfrt_int_report_extra_t extra = {function, "paged-code"};
  char why[200] = "";
  size_t locks = wdfrt_int_locks_held();
  if (locks) {
    enum wdf_ddi_id ddi;
    wdfrt_int_site_t taken;
    unsigned level;
    wdfrt_int_lock_info(locks - 1, &ddi, &taken, &level);
    snprintf(why, sizeof why, " (%s at %s:%d holds a lock)",
             wdfrt_ddi_name(ddi), taken.file ? taken.file : "<unknown>",
             taken.line);
  }
  wdfrt_int_report_extra(
      WDF_RULE_WM011, site, &extra,
      "PAGED_CODE() in %s runs at %s%s: pageable code above APC_LEVEL stops "
      "the system when its page is out (bug check 0xA); a checked build "
      "asserts here",
      function ? function : "<unknown>", wdfrt_int_irql_name(irql), why);
}

/* --- the touch --------------------------------------------------------- */

#define MAX_FRAMES 32
#define SYMBOLIZED_SIZE 8192
#define KEPT_FILES 16

/* File names of reported touches: a report keeps the pointer for the
   rest of the run. */
static char kept_files[KEPT_FILES][PATH_MAX];
static size_t kept_count;

static const char *keep_file(const char *name) {
  for (size_t i = 0; i < kept_count; ++i)
    if (!strcmp(kept_files[i], name))
      return kept_files[i];
  if (kept_count == KEPT_FILES)
    return "<unknown>";
  snprintf(kept_files[kept_count], PATH_MAX, "%s", name);
  return kept_files[kept_count++];
}

/* The runtime's own sources, from this file's path: frames there are the
   model doing the driver's touch (an Rtl copy), not the driver. */
static int in_runtime(const char *file) {
  const char *self = __FILE__;
  const char *src = strstr(self, "runtime/src/");
  if (!src)
    return 0;
  size_t prefix = (size_t)(src - self) + strlen("runtime/");
  return !strncmp(file, self, prefix);
}

/* Runs llvm-symbolizer on the program's file addresses; its output (a
   function line and a file:line:column line per address, a blank line
   after each) goes into out.  0 when no symbolizer ran. */
static int symbolize(const uintptr_t *addresses, size_t count, char *out,
                     size_t size) {
  char exe[PATH_MAX], object[PATH_MAX + 8];
  ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (length <= 0)
    return 0;
  exe[length] = '\0';
  snprintf(object, sizeof object, "--obj=%s", exe);
  char text[MAX_FRAMES][24];
  char *argv[MAX_FRAMES + 4] = {"llvm-symbolizer", object};
  for (size_t i = 0; i < count; ++i) {
    snprintf(text[i], sizeof text[i], "0x%lx", (unsigned long)addresses[i]);
    argv[2 + i] = text[i];
  }
  argv[2 + count] = NULL;
  int fds[2];
  if (pipe(fds) != 0)
    return 0;
  pid_t child = fork();
  if (child == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    const char *chosen = getenv("WDFRT_SYMBOLIZER");
    if (chosen && *chosen)
      execv(chosen, argv);
    execvp("llvm-symbolizer", argv);
    execvp("llvm-symbolizer-19", argv);
    _exit(127);
  }
  close(fds[1]);
  size_t got = 0;
  ssize_t n;
  while (child > 0 && got + 1 < size &&
         (n = read(fds[0], out + got, size - 1 - got)) > 0)
    got += (size_t)n;
  out[got] = '\0';
  close(fds[0]);
  int status = 0;
  if (child > 0)
    waitpid(child, &status, 0);
  return child > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && got;
}

/* The driver's line that touched the page: the first frame, from the
   fault outwards, with a source line outside the runtime (a copy the
   model does for the driver is the driver's call). */
static wdfrt_int_site_t touch_site(uintptr_t pc, const char **function) {
  static char output[SYMBOLIZED_SIZE];
  static char name[256];
  wdfrt_int_site_t site = {NULL, 0};
  void *frames[MAX_FRAMES];
  int depth = backtrace(frames, MAX_FRAMES);
  int first = 0;
  while (first < depth && (uintptr_t)frames[first] != pc)
    ++first;
  uintptr_t addresses[MAX_FRAMES];
  size_t count = 0;
  addresses[count++] = pc;
  for (int i = first + 1; i < depth && count < MAX_FRAMES; ++i)
    addresses[count++] = (uintptr_t)frames[i] - 1; /* the call, not after */
  uintptr_t in_program[MAX_FRAMES];
  size_t kept = 0;
  for (size_t i = 0; i < count; ++i)
    if (wdfrt_int_symbol_name((const void *)addresses[i]))
      in_program[kept++] = wdfrt_int_program_offset((const void *)addresses[i]);
  *function = wdfrt_int_symbol_name((const void *)pc);
  if (!kept || !symbolize(in_program, kept, output, sizeof output))
    return site;
  /* One block per address: pairs of lines (inlined frames innermost
     first), then a blank line.  The block's first pair is the source. */
  char *cursor = output;
  while (*cursor) {
    char *func = cursor, *where = strchr(func, '\n');
    if (!where)
      break;
    *where++ = '\0';
    char *end = strchr(where, '\n');
    if (end)
      *end = '\0';
    char *colon = strchr(where, ':');
    int line = colon ? atoi(colon + 1) : 0;
    if (colon)
      *colon = '\0';
    if (line > 0 && where[0] == '/' && !in_runtime(where) &&
        !strstr(where, "/compiler-rt/")) {
      snprintf(name, sizeof name, "%s", func);
      *function = name;
      site.file = keep_file(where);
      site.line = line;
      return site;
    }
    cursor = end ? end + 1 : where + strlen(where);
    while (*cursor && *cursor != '\n') { /* the block's inlined pairs */
      char *next = strchr(cursor, '\n');
      cursor = next ? next + 1 : cursor + strlen(cursor);
    }
    while (*cursor == '\n')
      ++cursor;
  }
  return site;
}

static const char *site_file(wdfrt_int_site_t site) {
  return site.file ? site.file : "<unknown>";
}

static void report_touch(const unsigned char *at, uintptr_t pc) {
  wdfrt_int_buffer_t *b = wdfrt_int_buffer_find(at, 1);
  /* Made above APC_LEVEL in this same raise: its allocation was the
     WM001, and one path is one finding, as for the analyzer. */
  if (b && b->made_in_raise && b->made_in_raise == wdfrt_int_paged_raise())
    return;
  const char *function = NULL;
  wdfrt_int_site_t site = touch_site(pc, &function);
  wdfrt_int_report_extra_t extra = {function, "paged-access"};
  const char *what = !b                              ? "paged memory"
                     : b->role == WDFRT_BUFFER_POOL ? "paged pool"
                                                     : "a paged WDFMEMORY";
  char made[300] = "";
  if (b)
    snprintf(made, sizeof made, " (%zu bytes made at %s:%d%s)", b->size,
             site_file(b->made_at), b->made_at.line,
             b->freed ? ", already freed" : "");
  wdfrt_int_report_extra(
      WDF_RULE_WM010, site, &extra,
      "%s %p%s touched at %s%s%s: a page that is out cannot be brought in "
      "above APC_LEVEL (bug check 0xA, IRQL_NOT_LESS_OR_EQUAL)",
      what, (const void *)at, made, wdfrt_int_irql_name(wdfrt_current_irql()),
      function ? " in " : "", function ? function : "");
}

/* The previous handler gets the fault: it is installed again and the
   faulting instruction, run again on return, faults into it (or, with
   the default action, kills the process by the signal). */
static void pass_on(void) { sigaction(SIGSEGV, &arena.previous, NULL); }

static void on_fault(int signal_number, siginfo_t *info, void *context) {
  (void)signal_number;
  const unsigned char *at = info->si_addr;
  if (!arena.closed || !wdfrt_int_paged_holds(at)) {
    pass_on();
    return;
  }
  wdfrt_int_paged_open();
  const ucontext_t *uc = context;
#if defined(__x86_64__)
  uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  uintptr_t pc = (uintptr_t)uc->uc_mcontext.pc;
#else
  uintptr_t pc = 0;
#endif
  report_touch(at, pc);
}
