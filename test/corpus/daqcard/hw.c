/*
 * hw.c - hardware bring-up of the DAQ-16 driver: register mapping, the
 * identity EEPROM, reset, calibration, power transitions.
 */
#include "daq.h"

#define DAQ_IDENTITY_MAGIC 0x31514144   /* "DAQ1" */
#define DAQ_RESET_POLLS 20

/* Reads one 32-bit word of the identity EEPROM (busy-polls, ~1 ms max). */
static NTSTATUS DaqReadEepromWord(PDEVICE_CONTEXT DeviceContext, ULONG Address,
                                  PULONG Value)
{
    PDAQ_REGISTERS registers = DeviceContext->Registers;
    ULONG eepromStatus = DAQ_EEPROM_BUSY;
    ULONG spins;

    DaqWrite(DeviceContext, &registers->EepromAddress, Address);
    for (spins = 0; spins < 100; spins++) {
        eepromStatus = DaqRead(DeviceContext, &registers->EepromStatus);
        if ((eepromStatus & DAQ_EEPROM_BUSY) == 0) {
            break;
        }
        KeStallExecutionProcessor(10);
    }
    if (eepromStatus & DAQ_EEPROM_BUSY) {
        return STATUS_IO_TIMEOUT;
    }
    if (eepromStatus & DAQ_EEPROM_ERROR) {
        return STATUS_IO_DEVICE_ERROR;
    }
    *Value = DaqRead(DeviceContext, &registers->EepromData);
    return STATUS_SUCCESS;
}

/* The identity block names the board; it is read into a scratch copy and
   replaces the one in the context only once it is complete and valid. */
static NTSTATUS DaqReadIdentity(PDEVICE_CONTEXT DeviceContext)
{
    WDFMEMORY identityMemory;
    PULONG words;
    ULONG i;
    NTSTATUS status;

    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             DAQ_EEPROM_TAG, sizeof(DeviceContext->Identity),
                             &identityMemory, (PVOID *)&words);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    for (i = 0; i < DAQ_EEPROM_IDENTITY_WORDS; i++) {
        status = DaqReadEepromWord(DeviceContext, i, &words[i]);
        if (!NT_SUCCESS(status)) {
            KdPrint(("daq: identity word %u unreadable %08x\n", i, (ULONG)status));
            return status;
        }
    }

    if (words[0] != DAQ_IDENTITY_MAGIC) {
        WdfObjectDelete(identityMemory);
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }
    RtlCopyMemory(DeviceContext->Identity, words, sizeof(DeviceContext->Identity));
    WdfObjectDelete(identityMemory);
    return STATUS_SUCCESS;
}

NTSTATUS DaqEvtPrepareHardware(WDFDEVICE Device, WDFCMRESLIST ResourcesRaw,
                               WDFCMRESLIST ResourcesTranslated)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(Device);
    PHYSICAL_ADDRESS base;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(ResourcesRaw);
    UNREFERENCED_PARAMETER(ResourcesTranslated);

    base.QuadPart = (LONGLONG)DAQ_REGISTER_BASE;
    deviceContext->Registers = (PDAQ_REGISTERS)MmMapIoSpaceEx(
        base, DAQ_REGISTER_SPAN, PAGE_READWRITE | PAGE_NOCACHE);
    if (deviceContext->Registers == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    deviceContext->HardwareVersion =
        DaqRead(deviceContext, &deviceContext->Registers->Version);
    if (deviceContext->HardwareVersion == 0xFFFFFFFF) {
        /* Nothing decodes the window: the card is not there. */
        return STATUS_NO_SUCH_DEVICE;
    }

    status = DaqReadIdentity(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return STATUS_SUCCESS;
}

NTSTATUS DaqEvtReleaseHardware(WDFDEVICE Device, WDFCMRESLIST ResourcesTranslated)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(ResourcesTranslated);

    if (deviceContext->Registers != NULL) {
        MmUnmapIoSpace(deviceContext->Registers, DAQ_REGISTER_SPAN);
        deviceContext->Registers = NULL;
    }
    return STATUS_SUCCESS;
}

/* Resets the card and waits (up to ~20 ms) for it to come back. */
NTSTATUS DaqResetCard(PDEVICE_CONTEXT DeviceContext)
{
    PDAQ_REGISTERS registers = DeviceContext->Registers;
    LARGE_INTEGER interval;
    ULONG polls;

    DaqWrite(DeviceContext, &registers->InterruptEnable, 0);
    DaqWrite(DeviceContext, &registers->Control, DAQ_CONTROL_RESET);

    interval.QuadPart = -10000;     /* 1 ms, relative */
    for (polls = 0; polls < DAQ_RESET_POLLS; polls++) {
        KeDelayExecutionThread(KernelMode, FALSE, &interval);
        if (DaqRead(DeviceContext, &registers->Status) & DAQ_STATUS_READY) {
            DaqWrite(DeviceContext, &registers->Control, DAQ_CONTROL_ENABLE);
            DaqWrite(DeviceContext, &registers->SampleDivider,
                     DeviceContext->SampleDivider);
            return STATUS_SUCCESS;
        }
    }
    return STATUS_IO_TIMEOUT;
}

/* Reads the calibration points from the card's flash.  A card without
   calibration gets an identity calibration (one point, offset 0). */
NTSTATUS DaqLoadCalibration(PDEVICE_CONTEXT DeviceContext)
{
    PDAQ_REGISTERS registers = DeviceContext->Registers;
    WDFMEMORY calibration;
    WDFMEMORY previous;
    PSHORT points;
    PULONG raw;
    ULONG count;
    ULONG pointCount;
    ULONG i;
    NTSTATUS status;

    count = DaqRead(DeviceContext, &registers->CalibrationCount);
    if (count > DAQ_MAX_CALIBRATION_POINTS) {
        return STATUS_DEVICE_DATA_ERROR;
    }
    if (count == 0) {
        KdPrint(("daq: card has no calibration, using identity\n"));
    }

    /* PASSIVE_LEVEL: the raw words may go to pageable scratch memory. */
    raw = (PULONG)ExAllocatePool2(POOL_FLAG_PAGED, count * sizeof(ULONG),
                                  DAQ_CAL_TAG);
    if (raw == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    for (i = 0; i < count; i++) {
        raw[i] = DaqRead(DeviceContext, &registers->CalibrationData);
    }

    pointCount = (count == 0) ? 1 : count;
    status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                             DAQ_CAL_TAG, pointCount * sizeof(SHORT),
                             &calibration, (PVOID *)&points);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(raw, DAQ_CAL_TAG);
        return status;
    }
    points[0] = 0;
    for (i = 0; i < count; i++) {
        points[i] = (SHORT)(raw[i] & 0xFFFF);
    }
    ExFreePoolWithTag(raw, DAQ_CAL_TAG);

    previous = DeviceContext->Calibration;
    DeviceContext->Calibration = calibration;
    DeviceContext->CalibrationPoints = pointCount;
    if (previous != NULL) {
        WdfObjectDelete(previous);
    }
    return STATUS_SUCCESS;
}

/* Acquisition is switched with the interrupt lock held, so the ISR never
   sees a half-programmed card. */
VOID DaqStartAcquisition(PDEVICE_CONTEXT DeviceContext)
{
    PDAQ_REGISTERS registers = DeviceContext->Registers;

    WdfInterruptAcquireLock(DeviceContext->Interrupt);
    DaqWrite(DeviceContext, &registers->SampleDivider, DeviceContext->SampleDivider);
    DaqWrite(DeviceContext, &registers->Control,
             DAQ_CONTROL_ENABLE | DAQ_CONTROL_ACQUIRE);
    DeviceContext->LastInterruptTime = KeQueryInterruptTime();
    DeviceContext->Acquiring = TRUE;
    WdfInterruptReleaseLock(DeviceContext->Interrupt);
}

VOID DaqStopAcquisition(PDEVICE_CONTEXT DeviceContext)
{
    PDAQ_REGISTERS registers = DeviceContext->Registers;

    WdfInterruptAcquireLock(DeviceContext->Interrupt);
    DaqWrite(DeviceContext, &registers->Control,
             DAQ_CONTROL_ENABLE | DAQ_CONTROL_FIFO_FLUSH);
    DeviceContext->Acquiring = FALSE;
    WdfInterruptReleaseLock(DeviceContext->Interrupt);
}

NTSTATUS DaqEvtD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(Device);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(PreviousState);

    status = DaqResetCard(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = DaqLoadCalibration(deviceContext);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WdfTimerStart(deviceContext->Watchdog,
                  WDF_REL_TIMEOUT_IN_MS(DAQ_WATCHDOG_PERIOD_MS));
    return STATUS_SUCCESS;
}

NTSTATUS DaqEvtD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState)
{
    PDEVICE_CONTEXT deviceContext = DaqGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(TargetState);

    /* PASSIVE_LEVEL: wait for a running watchdog and recovery to finish. */
    WdfTimerStop(deviceContext->Watchdog, TRUE);
    WdfWorkItemFlush(deviceContext->RecoveryWorkItem);
    if (deviceContext->Acquiring) {
        DaqStopAcquisition(deviceContext);
    }
    DaqWrite(deviceContext, &deviceContext->Registers->Control, 0);
    return STATUS_SUCCESS;
}
