/*
 * callbacks.c - calling the driver.
 *
 * The framework calls a callback at the IRQL its role allows (the roles and
 * their levels are rules/roles.def, the table the checkers use); the model
 * uses the highest of them, because that is where IRQL bugs show, unless
 * the queue or device is passive or, for a queue's callbacks, the scenario
 * asks for a lower level.
 * When the callback returns, the IRQL must be the one it was called at and
 * no lock it took may still be held (WM008, as the KMDF verifier's
 * enhanced IRQL check, bug check 0x10D/0xE); the model then puts both
 * back, so one faulty callback does not poison the rest of the run.
 */
#include "wdfrt_internal.h"

#include <stdio.h>

typedef struct role_info {
  const char *name;
  int min_irql, max_irql;
  enum wdf_narrowing narrowing;
} role_info_t;

static const role_info_t roles[WDFRT_ROLE_COUNT] = {
#define WDF_ROLE(RoleType, ConfigField, MinIrql, MaxIrql, Narrowing)           \
  [WDFRT_ROLE_##RoleType] = {#ConfigField, WDF_IRQL_##MinIrql,                 \
                             WDF_IRQL_##MaxIrql, WDF_NARROW_##Narrowing},
#include "roles.def"
};

static int requested_irql = -1;
static _Thread_local wdfrt_int_frame_t *current_frame;

void wdfrt_set_callback_irql(int irql) { requested_irql = irql; }

const char *wdfrt_int_role_name(wdfrt_int_role_t role) {
  return role < WDFRT_ROLE_COUNT ? roles[role].name : "callback";
}

unsigned wdfrt_int_role_irql(wdfrt_int_role_t role, int passive) {
  const role_info_t *info = &roles[role];
  int by_queue = info->narrowing == WDF_NARROW_QUEUE;
  if (passive && (by_queue || info->narrowing == WDF_NARROW_TIMER))
    return PASSIVE_LEVEL;
  int irql = info->max_irql;
  /* The scenario's level stands for the queue's execution level. */
  if (by_queue && requested_irql >= info->min_irql && requested_irql < irql)
    irql = requested_irql;
  return (unsigned)irql;
}

wdfrt_int_frame_t *wdfrt_int_callback_current(void) { return current_frame; }

void wdfrt_int_callback_begin_at(wdfrt_int_frame_t *frame,
                                 wdfrt_int_role_t role, const void *function,
                                 unsigned irql, wdfrt_int_object_t *object) {
  frame->role = role;
  frame->function = function;
  frame->entry_irql = irql;
  frame->locks_at_entry = wdfrt_int_locks_held();
  frame->object = object;
  frame->outer = current_frame;
  current_frame = frame;
  wdfrt_int_sites_clear();
  wdfrt_int_irql_set(irql);
}

void wdfrt_int_callback_begin(wdfrt_int_frame_t *frame, wdfrt_int_role_t role,
                              const void *function,
                              wdfrt_int_object_t *object) {
  wdfrt_int_callback_begin_at(frame, role, function,
                              wdfrt_int_role_irql(role, 0), object);
}

/* The oldest lock taken since `depth` that raises the IRQL (a wait lock
   left held is a fault, not an IRQL matter), described as " holding the
   lock WdfSpinLockAcquire took at queue.c:133"; 0 when there is none. */
static int leaked_lock(size_t depth, char *out, size_t size) {
  size_t held = wdfrt_int_locks_held();
  for (size_t i = depth; i < held; ++i) {
    enum wdf_ddi_id ddi;
    wdfrt_int_site_t site;
    unsigned raises_to;
    wdfrt_int_lock_info(i, &ddi, &site, &raises_to);
    if (raises_to == PASSIVE_LEVEL) {
      wdfrt_int_fault(wdfrt_int_last_site(),
                      "a callback returned holding the lock "
                      "%s took at %s:%d",
                      wdfrt_ddi_name(ddi), site.file ? site.file : "<unknown>",
                      site.line);
      continue;
    }
    snprintf(out, size, " holding the lock %s took at %s:%d",
             wdfrt_ddi_name(ddi), site.file ? site.file : "<unknown>",
             site.line);
    return 1;
  }
  return 0;
}

void wdfrt_int_callback_end(wdfrt_int_frame_t *frame) {
  current_frame = frame->outer;
  wdfrt_int_sites_clear();
  unsigned now = wdfrt_current_irql();
  size_t held = wdfrt_int_locks_held();
  if (now == frame->entry_irql && held <= frame->locks_at_entry)
    return;

  char lock[200] = "";
  int leaked = held > frame->locks_at_entry &&
               leaked_lock(frame->locks_at_entry, lock, sizeof lock);
  if (now == frame->entry_irql && !leaked) {
    wdfrt_int_locks_drop_to(frame->locks_at_entry, frame->entry_irql);
    return;
  }
  const char *name = wdfrt_int_symbol_name(frame->function);
  wdfrt_int_report_extra_t extra = {name, "callback-return"};
  wdfrt_int_site_t where = wdfrt_int_last_site();
  if (now != frame->entry_irql)
    wdfrt_int_report_extra(
        WDF_RULE_WM008, where, &extra,
        "'%s' (%s) returned at %s, not at %s, the IRQL it was "
        "called at%s",
        name ? name : "callback", wdfrt_int_role_name(frame->role),
        wdfrt_int_irql_name(now), wdfrt_int_irql_name(frame->entry_irql), lock);
  else
    wdfrt_int_report_extra(WDF_RULE_WM008, where, &extra,
                           "'%s' (%s) returned%s; called at PASSIVE_LEVEL it "
                           "would return at a raised IRQL",
                           name ? name : "callback",
                           wdfrt_int_role_name(frame->role), lock);
  wdfrt_int_locks_drop_to(frame->locks_at_entry, frame->entry_irql);
  wdfrt_int_irql_set(frame->entry_irql);
}
