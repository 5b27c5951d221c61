/*
 * hardware.c - the machine under the driver: clocks, register windows and
 * the device models behind them.
 *
 * MmMapIoSpaceEx gives the driver a window of ordinary memory.  Without a
 * device model the registers are plain memory: a read returns what was
 * last written, zero at first.  A test or harness that plays a card
 * registers a model (wdfrt_attach_device_model) for a physical range; the
 * register accessors of a window mapped from that range then call the
 * model, which decides what a read returns and what a write does, as the
 * card's logic would.  Interrupt and system time come from the host's
 * clocks in the kernel's units (100 ns), moved ahead by wdfrt_advance_time
 * (the harness's `wait` step).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime under -std=c11 */
#include <stdlib.h>
#include <time.h>

#include "wdfrt_internal.h"

#define MAX_WINDOWS 16
#define MAX_MODELS 4

typedef struct window {
  unsigned char *base;  /* what the driver got from MmMapIoSpaceEx */
  size_t size;
  uint64_t physical;
  const wdfrt_device_model_t *model;
} window_t;

static window_t windows[MAX_WINDOWS];
static const wdfrt_device_model_t *models[MAX_MODELS];

int wdfrt_attach_device_model(const wdfrt_device_model_t *model) {
  for (size_t i = 0; i < MAX_MODELS; ++i) {
    if (!models[i]) {
      models[i] = model;
      return 0;
    }
  }
  return -1;
}

static const wdfrt_device_model_t *model_at(uint64_t physical, size_t size) {
  for (size_t i = 0; i < MAX_MODELS; ++i) {
    const wdfrt_device_model_t *m = models[i];
    if (m && physical >= m->physical_base &&
        physical + size <= m->physical_base + m->size)
      return m;
  }
  return NULL;
}

/* The window holding a register, or NULL when the address is none. */
static window_t *window_of(const volatile void *address, size_t width,
                           size_t *offset) {
  const unsigned char *at = (const unsigned char *)address;
  for (size_t i = 0; i < MAX_WINDOWS; ++i) {
    window_t *w = &windows[i];
    if (w->base && at >= w->base && at + width <= w->base + w->size) {
      *offset = (size_t)(at - w->base);
      return w;
    }
  }
  return NULL;
}

PVOID NTAPI MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress,
                           SIZE_T NumberOfBytes, ULONG Protect) {
  (void)wdfrt_int_enter(WDF_DDI_MmMapIoSpaceEx);
  (void)Protect;
  if (NumberOfBytes == 0)
    return NULL;
  for (size_t i = 0; i < MAX_WINDOWS; ++i) {
    window_t *w = &windows[i];
    if (w->base)
      continue;
    w->base = calloc(1, NumberOfBytes);
    if (!w->base)
      return NULL;
    w->size = NumberOfBytes;
    w->physical = (uint64_t)PhysicalAddress.QuadPart;
    w->model = model_at(w->physical, NumberOfBytes);
    return w->base;
  }
  return NULL; /* as the system does when it runs out of mappings */
}

VOID NTAPI MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  for (size_t i = 0; i < MAX_WINDOWS; ++i) {
    window_t *w = &windows[i];
    if (w->base && w->base == BaseAddress) {
      if (w->size != NumberOfBytes)
        wdfrt_int_fault(site, "MmUnmapIoSpace of %zu bytes; %zu were mapped",
                        (size_t)NumberOfBytes, w->size);
      free(w->base);
      *w = (window_t){0};
      return;
    }
  }
  wdfrt_int_fault(site,
                  "MmUnmapIoSpace of an address MmMapIoSpaceEx did not return");
}

static uint32_t read_register(const volatile void *Register, size_t width) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  size_t offset;
  window_t *w = window_of(Register, width, &offset);
  if (!w) {
    wdfrt_int_fault(site, "register read outside every mapped window");
    return 0xFFFFFFFFu; /* what a read of nothing returns on a bus */
  }
  if (w->model)
    return w->model->read(w->model->context, w->physical + offset - w->model->physical_base,
                          width);
  return width == 2 ? *(const volatile uint16_t *)Register
                    : *(const volatile uint32_t *)Register;
}

static void write_register(volatile void *Register, size_t width,
                           uint32_t value) {
  wdfrt_int_site_t site = wdfrt_int_take_site();
  size_t offset;
  window_t *w = window_of(Register, width, &offset);
  if (!w) {
    wdfrt_int_fault(site, "register write outside every mapped window");
    return;
  }
  if (w->model) {
    w->model->write(w->model->context,
                    w->physical + offset - w->model->physical_base, width, value);
    return;
  }
  if (width == 2)
    *(volatile uint16_t *)Register = (uint16_t)value;
  else
    *(volatile uint32_t *)Register = value;
}

ULONG NTAPI READ_REGISTER_ULONG(volatile ULONG *Register) {
  return read_register(Register, sizeof(ULONG));
}

VOID NTAPI WRITE_REGISTER_ULONG(volatile ULONG *Register, ULONG Value) {
  write_register(Register, sizeof(ULONG), Value);
}

USHORT NTAPI READ_REGISTER_USHORT(volatile USHORT *Register) {
  return (USHORT)read_register(Register, sizeof(USHORT));
}

VOID NTAPI WRITE_REGISTER_USHORT(volatile USHORT *Register, USHORT Value) {
  write_register(Register, sizeof(USHORT), Value);
}

/* --- clocks ------------------------------------------------------------- */

/* How far wdfrt_advance_time moved the machine's clocks ahead of the host's. */
static uint64_t time_ahead;

static uint64_t hundred_ns(clockid_t clock) {
  struct timespec now;
  clock_gettime(clock, &now);
  return (uint64_t)now.tv_sec * 10000000u + (uint64_t)now.tv_nsec / 100u +
         time_ahead;
}

void wdfrt_advance_time(uint64_t hundred_ns_units) {
  time_ahead += hundred_ns_units;
  wdfrt_int_deferred_rearm();
  wdfrt_int_settle();
}

ULONGLONG NTAPI KeQueryInterruptTime(VOID) {
  (void)wdfrt_int_take_site();
  return hundred_ns(CLOCK_MONOTONIC);
}

/* System time counts from 1601-01-01, 11644473600 s before the Unix epoch. */
VOID NTAPI KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime) {
  (void)wdfrt_int_take_site();
  CurrentTime->QuadPart =
      (LONGLONG)(hundred_ns(CLOCK_REALTIME) + 11644473600ull * 10000000u);
}
