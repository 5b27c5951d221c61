/* spb.h (wdfcheck shim stand-in) - the Simple Peripheral Bus request
 * types of the WDK (transfer lists for IOCTL_SPB_EXECUTE_SEQUENCE and
 * IOCTL_SPB_FULL_DUPLEX), which mingw-w64 does not ship.  Searched after
 * mingw-w64.  From the documented declarations.
 *
 * Differences from the WDK, on purpose:
 *  - the SPB_TRANSFER_*_INIT helpers, inline in the WDK, are declared only;
 *  - the IOCTL_SPB_* codes are distinct placeholders in the SPB I/O
 *    control range this file chooses, not the WDK's numbers: a driver's
 *    switch over them compiles, a value compared with a real one is wrong. */
#ifndef WDFCHECK_SHIM_SPB_H
#define WDFCHECK_SHIM_SPB_H

#ifdef __cplusplus
extern "C" {
#endif

#define WDFCHECK_SPB_IOCTL(id)                                                  \
  CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB00 + (id), METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_SPB_LOCK_CONTROLLER WDFCHECK_SPB_IOCTL(0)
#define IOCTL_SPB_UNLOCK_CONTROLLER WDFCHECK_SPB_IOCTL(1)
#define IOCTL_SPB_EXECUTE_SEQUENCE WDFCHECK_SPB_IOCTL(2)
#define IOCTL_SPB_LOCK_CONNECTION WDFCHECK_SPB_IOCTL(3)
#define IOCTL_SPB_UNLOCK_CONNECTION WDFCHECK_SPB_IOCTL(4)
#define IOCTL_SPB_FULL_DUPLEX WDFCHECK_SPB_IOCTL(5)

typedef enum _SPB_TRANSFER_DIRECTION {
  SpbTransferDirectionNone,
  SpbTransferDirectionFromDevice,
  SpbTransferDirectionToDevice,
  SpbTransferDirectionMax
} SPB_TRANSFER_DIRECTION;

typedef enum _SPB_TRANSFER_BUFFER_FORMAT {
  SpbTransferBufferFormatInvalid = 0,
  SpbTransferBufferFormatSimple,
  SpbTransferBufferFormatList,
  SpbTransferBufferFormatSimpleNonPaged,
  SpbTransferBufferFormatMdl,
  SpbTransferBufferFormatMax
} SPB_TRANSFER_BUFFER_FORMAT;

typedef struct _SPB_TRANSFER_BUFFER_LIST_ENTRY {
  PVOID Buffer;
  ULONG BufferCb;
} SPB_TRANSFER_BUFFER_LIST_ENTRY, *PSPB_TRANSFER_BUFFER_LIST_ENTRY;

typedef struct _SPB_TRANSFER_BUFFER {
  SPB_TRANSFER_BUFFER_FORMAT Format;
  union {
    struct {
      PVOID Buffer;
      ULONG BufferCb;
    } Simple;
    struct {
      PSPB_TRANSFER_BUFFER_LIST_ENTRY List;
      ULONG ListCe;
    } BufferList;
    PMDL Mdl;
  };
} SPB_TRANSFER_BUFFER, *PSPB_TRANSFER_BUFFER;

typedef struct _SPB_TRANSFER_LIST_ENTRY {
  SPB_TRANSFER_DIRECTION Direction;
  ULONG DelayInUs;
  SPB_TRANSFER_BUFFER Buffer;
} SPB_TRANSFER_LIST_ENTRY, *PSPB_TRANSFER_LIST_ENTRY;

typedef struct _SPB_TRANSFER_LIST {
  ULONG Size;
  ULONG Reserved;
  ULONG TransferCount;
  SPB_TRANSFER_LIST_ENTRY Transfers[ANYSIZE_ARRAY];
} SPB_TRANSFER_LIST, *PSPB_TRANSFER_LIST;

/* A transfer list with room for count entries. */
#define SPB_TRANSFER_LIST_AND_ENTRIES(count)                                    \
  struct {                                                                      \
    SPB_TRANSFER_LIST List;                                                     \
    SPB_TRANSFER_LIST_ENTRY ExtraTransfers[(count) - 1];                        \
  }

VOID SPB_TRANSFER_LIST_INIT(_Out_ PSPB_TRANSFER_LIST List,
                            _In_ ULONG TransferCount);
SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(
    _In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
    _In_ PVOID Buffer, _In_ ULONG BufferLength);
SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_NON_PAGED(
    _In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
    _In_ PVOID Buffer, _In_ ULONG BufferLength);
SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_BUFFER_LIST(
    _In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
    _In_ PSPB_TRANSFER_BUFFER_LIST_ENTRY BufferList,
    _In_ ULONG BufferListCount);
SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_MDL(
    _In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
    _In_ PMDL MdlChain);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_SPB_H */
