/* wpprecorder.h (wdfcheck shim stand-in) - the Inflight Trace Recorder
 * (IFR) API of the WDK, which mingw-w64 does not ship.  Searched after
 * mingw-w64.  From the documented declarations; the _INIT helpers, inline
 * in the WDK, are declared only. */
#ifndef WDFCHECK_SHIM_WPPRECORDER_H
#define WDFCHECK_SHIM_WPPRECORDER_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _WDFCHECK_RECORDER_LOG *RECORDER_LOG;

#define RECORDER_LOG_IDENTIFIER_MAX_CHARS 16
#define WPP_RECORDER_DEFAULT_PARTITION_SIZE 1024

typedef struct _RECORDER_CONFIGURE_PARAMS {
  ULONG Size;
  BOOLEAN CreateDefaultLog;
} RECORDER_CONFIGURE_PARAMS, *PRECORDER_CONFIGURE_PARAMS;

typedef struct _RECORDER_LOG_CREATE_PARAMS {
  ULONG Size;
  ULONG TotalBufferSize;
  ULONG ErrorPartitionSize;
  CHAR LogIdentifier[RECORDER_LOG_IDENTIFIER_MAX_CHARS];
} RECORDER_LOG_CREATE_PARAMS, *PRECORDER_LOG_CREATE_PARAMS;

VOID RECORDER_CONFIGURE_PARAMS_INIT(_Out_ PRECORDER_CONFIGURE_PARAMS Params);
VOID RECORDER_LOG_CREATE_PARAMS_INIT(_Out_ PRECORDER_LOG_CREATE_PARAMS Params,
                                     _In_opt_ PSTR LogIdentifier);

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID WppRecorderConfigure(_In_ PRECORDER_CONFIGURE_PARAMS ConfigureParams);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS WppRecorderLogCreate(_In_ PRECORDER_LOG_CREATE_PARAMS CreateParams,
                              _Out_ RECORDER_LOG *RecorderLog);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID WppRecorderLogDelete(_In_ RECORDER_LOG RecorderLog);

_IRQL_requires_max_(DISPATCH_LEVEL)
RECORDER_LOG WppRecorderLogGetDefault(VOID);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS WppRecorderLogSetIdentifier(_In_ RECORDER_LOG RecorderLog,
                                     _In_ PSTR LogIdentifier);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_WPPRECORDER_H */
