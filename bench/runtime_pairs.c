/*
 * runtime_pairs.c - allocation + free pairs per second in the runtime
 * model, for bench/runtime.sh: WdfMemoryCreate + WdfObjectDelete, and
 * ExAllocatePool2 + ExFreePoolWithTag, each from non-paged and from paged
 * pool (the runtime's paged arena, paged.c).
 *
 * usage: runtime_pairs [seconds-per-measurement]
 * Prints one line per measurement: "<call> <size> <pool> <pairs/s>", e.g.
 * "memory 64 nonpaged 1234567".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <ntddk.h>
#include <wdf.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void memory_pair(size_t size, int paged) {
  WDFMEMORY memory;
  if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES,
                                  paged ? PagedPool : NonPagedPoolNx, 'hcnB',
                                  size, &memory, NULL))) {
    fprintf(stderr, "WdfMemoryCreate failed\n");
    exit(1);
  }
  WdfObjectDelete(memory);
}

static void pool_pair(size_t size, int paged) {
  PVOID p = ExAllocatePool2(paged ? POOL_FLAG_PAGED : POOL_FLAG_NON_PAGED,
                            size, 'hcnB');
  if (!p) {
    fprintf(stderr, "ExAllocatePool2 failed\n");
    exit(1);
  }
  ExFreePoolWithTag(p, 'hcnB');
}

/* Pairs per second over about `seconds`, in batches of 1000. */
static double pairs_per_second(void (*pair)(size_t, int), size_t size,
                               int paged, double seconds) {
  unsigned long long pairs = 0;
  double start = now(), elapsed;
  do {
    for (int i = 0; i < 1000; ++i)
      pair(size, paged);
    pairs += 1000;
    elapsed = now() - start;
  } while (elapsed < seconds);
  return (double)pairs / elapsed;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 1.0;
  static const size_t sizes[] = {64, 4096};
  static const char *const pools[] = {"nonpaged", "paged"};
  for (int paged = 0; paged < 2; ++paged)
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; ++i) {
      printf("memory %zu %s %.0f\n", sizes[i], pools[paged],
             pairs_per_second(memory_pair, sizes[i], paged, seconds));
      printf("pool %zu %s %.0f\n", sizes[i], pools[paged],
             pairs_per_second(pool_pair, sizes[i], paged, seconds));
    }
  return 0;
}
