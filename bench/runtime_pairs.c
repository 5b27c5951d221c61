/*
 * runtime_pairs.c - WdfMemoryCreate + WdfObjectDelete pairs per second in
 * the runtime model, for bench/runtime.sh.
 *
 * usage: runtime_pairs [seconds-per-size]
 * Prints one line per buffer size: "<size> bytes: <pairs> pairs/s".
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

/* Pairs per second over about `seconds`, in batches of 1000. */
static double pairs_per_second(size_t size, double seconds) {
  unsigned long long pairs = 0;
  double start = now(), elapsed;
  do {
    for (int i = 0; i < 1000; ++i) {
      WDFMEMORY memory;
      if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                      'hcnB', size, &memory, NULL))) {
        fprintf(stderr, "WdfMemoryCreate failed\n");
        exit(1);
      }
      WdfObjectDelete(memory);
    }
    pairs += 1000;
    elapsed = now() - start;
  } while (elapsed < seconds);
  return (double)pairs / elapsed;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 1.0;
  static const size_t sizes[] = {64, 4096};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; ++i)
    printf("%zu bytes: %.0f pairs/s\n", sizes[i],
           pairs_per_second(sizes[i], seconds));
  return 0;
}
