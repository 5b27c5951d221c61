// bad_args.c after an unrelated change: a new helper above, the old code
// moved down and re-indented; and one new bug (an executable pool in the
// new helper).
#include <ntddk.h>
#include <wdf.h>

PVOID NewHelper(void) {
  return ExAllocatePoolWithTag(NonPagedPool, 64, 'pleH');
}

NTSTATUS CreateScratch(WDFREQUEST Request, size_t Length) {
  WDF_OBJECT_ATTRIBUTES attributes;
  WDFMEMORY memory;
  PVOID buffer;

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Request;
  if (Length == 0) {
      return WdfMemoryCreate(&attributes, NonPagedPoolNx, 'hcSD', Length,
                             &memory, &buffer);
  }
  return WdfMemoryCreate(&attributes,   NonPagedPool, 'hcSD', Length, &memory,
                         &buffer);
}
