/*
 * handles.c - handle values: a tag, a generation and a slot.
 *
 * The real framework's handle is the object's address XOR a constant, so a
 * stale handle is a use-after-free and a forged one a wild pointer.  The
 * model keeps a table instead: a handle is
 *
 *     0x57D0 << 48 | generation << 24 | slot
 *
 * which is never a valid address (bits 48-63 are not a sign extension), so
 * the driver cannot dereference it by accident, and the runtime never
 * dereferences it either: it looks the slot up and compares generations.
 * A retired slot keeps a tombstone (what the object was, where it was made,
 * why and where it went), and freed slots are reused oldest first and only
 * once many are free, so a stale handle is usually explained in full.
 */
#include "wdfrt_internal.h"

#include <stdlib.h>
#include <string.h>

#define HANDLE_TAG 0x57D0ull
#define SLOT_BITS 24
#define SLOT_MASK ((1ull << SLOT_BITS) - 1)
#define GENERATION_MASK ((1ull << 24) - 1)
/* Free slots are reused only beyond this many, oldest first. */
#define REUSE_AFTER 1024

typedef struct slot {
  wdfrt_int_object_t *object; /* NULL when retired */
  uint32_t generation;     /* of the live object, or of the tombstone */
  int has_tombstone;
  wdfrt_int_tombstone_t tombstone;
} slot_t;

static slot_t *slots;
static uint32_t slot_count, slot_capacity;
/* FIFO of retired slot numbers: a ring of slot_capacity entries. */
static uint32_t *free_ring;
static uint32_t free_head, free_count;
static size_t live_count;

static int grow(void) {
  uint32_t capacity = slot_capacity ? slot_capacity * 2 : 256;
  if (capacity > SLOT_MASK + 1)
    return 0;
  slot_t *new_slots = realloc(slots, capacity * sizeof *new_slots);
  if (!new_slots)
    return 0;
  slots = new_slots;
  uint32_t *new_ring = malloc(capacity * sizeof *new_ring);
  if (!new_ring)
    return 0;
  /* Unroll the ring into the new one, oldest first. */
  for (uint32_t i = 0; i < free_count; ++i)
    new_ring[i] = free_ring[(free_head + i) % slot_capacity];
  free(free_ring);
  free_ring = new_ring;
  free_head = 0;
  slot_capacity = capacity;
  return 1;
}

static int take_slot(uint32_t *index) {
  if (free_count > REUSE_AFTER) {
    *index = free_ring[free_head];
    free_head = (free_head + 1) % slot_capacity;
    --free_count;
    return 1;
  }
  if (slot_count == slot_capacity && !grow())
    return 0;
  *index = slot_count++;
  slots[*index].generation = 0;
  slots[*index].has_tombstone = 0;
  return 1;
}

uint64_t wdfrt_int_handle_new(wdfrt_int_object_t *object) {
  uint32_t index;
  if (!take_slot(&index))
    return 0;
  slot_t *slot = &slots[index];
  slot->generation = (slot->generation + 1) & GENERATION_MASK;
  if (slot->generation == 0)
    slot->generation = 1;
  slot->object = object;
  ++live_count;
  return HANDLE_TAG << 48 | (uint64_t)slot->generation << SLOT_BITS | index;
}

void wdfrt_int_handle_retire(wdfrt_int_object_t *object) {
  uint32_t index = (uint32_t)(object->handle & SLOT_MASK);
  if (object->handle == 0 || index >= slot_count ||
      slots[index].object != object)
    return;
  slot_t *slot = &slots[index];
  slot->object = NULL;
  slot->has_tombstone = 1;
  slot->tombstone =
      (wdfrt_int_tombstone_t){object->kind, object->gone, object->created_at,
                              object->deleted_at, object->created_by};
  free_ring[(free_head + free_count) % slot_capacity] = index;
  ++free_count;
  --live_count;
}

wdfrt_int_resolve_t wdfrt_int_handle_resolve(const void *handle,
                                             wdfrt_int_object_t **object,
                                             wdfrt_int_tombstone_t *tombstone) {
  uint64_t value = (uint64_t)(uintptr_t)handle;
  *object = NULL;
  if (value == 0)
    return WDFRT_HANDLE_NULL;
  uint64_t index = value & SLOT_MASK;
  uint32_t generation = (uint32_t)((value >> SLOT_BITS) & GENERATION_MASK);
  if (value >> 48 != HANDLE_TAG || index >= slot_count || generation == 0)
    return WDFRT_HANDLE_FORGED;
  slot_t *slot = &slots[index];
  if (slot->object && slot->generation == generation) {
    *object = slot->object;
    return WDFRT_HANDLE_VALID;
  }
  if (generation > slot->generation)
    return WDFRT_HANDLE_FORGED; /* a generation never handed out */
  if (tombstone) {
    if (slot->has_tombstone && !slot->object && slot->generation == generation)
      *tombstone = slot->tombstone;
    else
      tombstone->kind = WDFRT_KIND_COUNT; /* older: details overwritten */
  }
  return WDFRT_HANDLE_STALE;
}

void wdfrt_int_handle_each(void (*visit)(wdfrt_int_object_t *, void *),
                           void *arg) {
  for (uint32_t i = 0; i < slot_count; ++i)
    if (slots[i].object)
      visit(slots[i].object, arg);
}

size_t wdfrt_int_handle_live_count(void) { return live_count; }

void wdfrt_int_handles_reset(void) {
  free(slots);
  free(free_ring);
  slots = NULL;
  free_ring = NULL;
  slot_count = slot_capacity = free_head = free_count = 0;
  live_count = 0;
}
