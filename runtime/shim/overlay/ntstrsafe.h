/* ntstrsafe.h (wdfcheck shim overlay) - mingw-w64's ddk/ntstrsafe.h has
 * the RtlString* functions but none of the RtlUnicodeString* ones, which
 * the WDK's ntstrsafe.h defines inline (NTSTRSAFEDDI).  Declared here from
 * their documented signatures; an analyzer sees the calls, not bodies. */
#include_next <ntstrsafe.h>

#ifndef WDFCHECK_SHIM_NTSTRSAFE_H
#define WDFCHECK_SHIM_NTSTRSAFE_H

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NTSTRSAFE_UNICODE_STRING_MAX_CCH
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH (0xffff / sizeof(wchar_t))
#endif

#define STRSAFE_IGNORE_NULL_UNICODE_STRINGS 0x00010000
#define STRSAFE_UNICODE_STRING_DEST_NULL_TERMINATE 0x00020000
#define STRSAFE_ZERO_LENGTH_ON_FAILURE 0x00040000

NTSTATUS RtlUnicodeStringInit(_Out_ PUNICODE_STRING DestinationString,
                              _In_opt_ NTSTRSAFE_PCWSTR pszSrc);
NTSTATUS RtlUnicodeStringInitEx(_Out_ PUNICODE_STRING DestinationString,
                                _In_opt_ NTSTRSAFE_PCWSTR pszSrc,
                                _In_ ULONG dwFlags);
NTSTATUS RtlUnicodeStringValidate(_In_opt_ PCUNICODE_STRING SourceString);
NTSTATUS RtlUnicodeStringValidateEx(_In_opt_ PCUNICODE_STRING SourceString,
                                    _In_ ULONG dwFlags);
NTSTATUS RtlUnicodeStringCopy(_Inout_ PUNICODE_STRING DestinationString,
                              _In_ PCUNICODE_STRING SourceString);
NTSTATUS RtlUnicodeStringCopyString(_Inout_ PUNICODE_STRING DestinationString,
                                    _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTATUS RtlUnicodeStringCopyEx(_Inout_ PUNICODE_STRING DestinationString,
                                _In_ PCUNICODE_STRING SourceString,
                                _Out_opt_ PUNICODE_STRING RemainingString,
                                _In_ ULONG dwFlags);
NTSTATUS RtlUnicodeStringCopyStringEx(
    _Inout_ PUNICODE_STRING DestinationString, _In_ NTSTRSAFE_PCWSTR pszSrc,
    _Out_opt_ PUNICODE_STRING RemainingString, _In_ ULONG dwFlags);
NTSTATUS RtlUnicodeStringCchCopyStringN(
    _Inout_ PUNICODE_STRING DestinationString, _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToCopy);
NTSTATUS RtlUnicodeStringCbCopyStringN(
    _Inout_ PUNICODE_STRING DestinationString, _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToCopy);
NTSTATUS RtlUnicodeStringCat(_Inout_ PUNICODE_STRING DestinationString,
                             _In_ PCUNICODE_STRING SourceString);
NTSTATUS RtlUnicodeStringCatString(_Inout_ PUNICODE_STRING DestinationString,
                                   _In_ NTSTRSAFE_PCWSTR pszSrc);
NTSTATUS RtlUnicodeStringCatEx(_Inout_ PUNICODE_STRING DestinationString,
                               _In_ PCUNICODE_STRING SourceString,
                               _Out_opt_ PUNICODE_STRING RemainingString,
                               _In_ ULONG dwFlags);
NTSTATUS RtlUnicodeStringCatStringEx(_Inout_ PUNICODE_STRING DestinationString,
                                     _In_ NTSTRSAFE_PCWSTR pszSrc,
                                     _Out_opt_ PUNICODE_STRING RemainingString,
                                     _In_ ULONG dwFlags);
NTSTATUS RtlUnicodeStringCchCatStringN(
    _Inout_ PUNICODE_STRING DestinationString, _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cchToAppend);
NTSTATUS RtlUnicodeStringCbCatStringN(
    _Inout_ PUNICODE_STRING DestinationString, _In_ NTSTRSAFE_PCWSTR pszSrc,
    _In_ size_t cbToAppend);
NTSTATUS RtlUnicodeStringPrintf(_Inout_ PUNICODE_STRING DestinationString,
                                _In_ _Printf_format_string_
                                    NTSTRSAFE_PCWSTR pszFormat,
                                ...);
NTSTATUS RtlUnicodeStringPrintfEx(_Inout_ PUNICODE_STRING DestinationString,
                                  _Out_opt_ PUNICODE_STRING RemainingString,
                                  _In_ ULONG dwFlags,
                                  _In_ _Printf_format_string_
                                      NTSTRSAFE_PCWSTR pszFormat,
                                  ...);
NTSTATUS RtlUnicodeStringVPrintf(_Inout_ PUNICODE_STRING DestinationString,
                                 _In_ _Printf_format_string_
                                     NTSTRSAFE_PCWSTR pszFormat,
                                 _In_ va_list argList);

#ifdef __cplusplus
}
#endif

#endif /* WDFCHECK_SHIM_NTSTRSAFE_H */
