// A library header (a system header, as the WDK's are): its inline routines
// forward to code reached through a table of function pointers, the way the
// WDK's DDI wrappers call the framework through WdfFunctions.
#pragma clang system_header

typedef void (*LIBRARY_ROUTINE)(void *Buffer);
extern LIBRARY_ROUTINE LibraryRoutines[1];

static inline void LibraryForward(void *Buffer) {
  LibraryRoutines[0](Buffer);
}
