/*
 * util.c - small helpers of the SensHub driver: formatting, fixed-point
 * arithmetic, and the configuration export.
 */
#include "senshub.h"

VOID SenshubFormatHex(_Out_writes_bytes_(Size) PCHAR Text, _In_ ULONG Size,
                      _In_ ULONG Value);
VOID SenshubCaptureConfig(_In_ PDEVICE_CONTEXT DeviceContext,
                          _Out_ PSENSHUB_CONFIG_EXPORT Export);

/* Writes Value as eight hex digits and a terminating NUL, padding the rest
   of Text with NULs. */
VOID SenshubFormatHex(PCHAR Text, ULONG Size, ULONG Value)
{
    static const CHAR digits[] = "0123456789ABCDEF";
    ULONG i;

    RtlZeroMemory(Text, Size);
    for (i = 0; i < 8 && i + 1 < Size; i++) {
        Text[i] = digits[(Value >> (28 - 4 * i)) & 0xF];
    }
}

/* Raw value to engineering units: (Raw + Offset) * Gain, Gain in 16.16. */
LONG SenshubApplyGain(LONG Raw, LONG Offset, LONG Gain)
{
    LONGLONG value = ((LONGLONG)Raw + Offset) * Gain;

    value >>= 16;
    if (value > MAXLONG) {
        return MAXLONG;
    }
    if (value < MINLONG) {
        return MINLONG;
    }
    return (LONG)value;
}

/* Fills Export from the device's configuration.  Called with DataLock
   held; Export was zeroed by the caller. */
VOID SenshubCaptureConfig(PDEVICE_CONTEXT DeviceContext,
                          PSENSHUB_CONFIG_EXPORT Export)
{
    PSENSHUB_THRESHOLD thresholds;
    ULONG i;

    Export->ChannelCount = DeviceContext->ChannelCount;
    for (i = 0; i < DeviceContext->ChannelCount && i < SENSHUB_MAX_CHANNELS; i++) {
        Export->Channels[i] = DeviceContext->Channels[i].Config;
    }

    Export->ThresholdCount = 0;
    if (DeviceContext->Thresholds != NULL) {
        thresholds = (PSENSHUB_THRESHOLD)WdfMemoryGetBuffer(
            DeviceContext->Thresholds, NULL);
        for (i = 0; i < DeviceContext->ThresholdCount &&
                    i < SENSHUB_MAX_THRESHOLDS;
             i++) {
            Export->Thresholds[i] = thresholds[i];
        }
        Export->ThresholdCount = i;
    }
}
