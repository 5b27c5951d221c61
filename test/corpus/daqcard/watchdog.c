/*
 * watchdog.c - stall detection and recovery of the DAQ-16 driver.
 *
 * While acquiring, the card interrupts at least every FIFO threshold.  If
 * no interrupt came for DAQ_STALL_TIMEOUT_MS, the watchdog (a DPC-level
 * timer) captures the registers and schedules the recovery work item,
 * which resets the card at PASSIVE_LEVEL.
 */
#include "daq.h"

#define DAQ_TICKS_PER_MS 10000ULL

VOID DaqEvtWatchdog(WDFTIMER Timer)
{
    PDEVICE_CONTEXT deviceContext =
        DaqGetDeviceContext(WdfTimerGetParentObject(Timer));
    PDAQ_REGISTERS registers = deviceContext->Registers;
    PDAQ_DIAGNOSTICS diagnostics;
    ULONGLONG now = KeQueryInterruptTime();
    ULONGLONG lastInterrupt;
    BOOLEAN acquiring;

    WdfInterruptAcquireLock(deviceContext->Interrupt);
    lastInterrupt = deviceContext->LastInterruptTime;
    acquiring = deviceContext->Acquiring;
    WdfInterruptReleaseLock(deviceContext->Interrupt);

    if (!acquiring || registers == NULL ||
        now - lastInterrupt < DAQ_STALL_TIMEOUT_MS * DAQ_TICKS_PER_MS) {
        return;
    }
    if (InterlockedCompareExchange(&deviceContext->RecoveryQueued, 1, 0) != 0) {
        /* Recovery already scheduled. */
        return;
    }

    /* Capture what the card looked like for the recovery log. */
    diagnostics = (PDAQ_DIAGNOSTICS)ExAllocatePoolWithTag(
        PagedPool, sizeof(DAQ_DIAGNOSTICS), DAQ_DIAG_TAG);
    if (diagnostics != NULL) {
        diagnostics->Status = DaqRead(deviceContext, &registers->Status);
        diagnostics->InterruptStatus =
            DaqRead(deviceContext, &registers->InterruptStatus);
        diagnostics->FifoCount = DaqRead(deviceContext, &registers->FifoCount);
        diagnostics->ErrorCode = DaqRead(deviceContext, &registers->ErrorCode);
        diagnostics->LastInterruptTime = lastInterrupt;
        diagnostics->Now = now;
        diagnostics = (PDAQ_DIAGNOSTICS)InterlockedExchangePointer(
            (PVOID volatile *)&deviceContext->Diagnostics, diagnostics);
        if (diagnostics != NULL) {
            /* An older capture the work item never took. */
            ExFreePoolWithTag(diagnostics, DAQ_DIAG_TAG);
        }
    }
    WdfWorkItemEnqueue(deviceContext->RecoveryWorkItem);
}

VOID DaqEvtRecoveryWorkItem(WDFWORKITEM WorkItem)
{
    PDEVICE_CONTEXT deviceContext =
        DaqGetDeviceContext(WdfWorkItemGetParentObject(WorkItem));
    PDAQ_DIAGNOSTICS diagnostics;
    NTSTATUS status;

    diagnostics = (PDAQ_DIAGNOSTICS)InterlockedExchangePointer(
        (PVOID volatile *)&deviceContext->Diagnostics, NULL);
    if (diagnostics != NULL) {
        KdPrint(("daq: stalled: status %08x int %08x fifo %u error %08x\n",
                 diagnostics->Status, diagnostics->InterruptStatus,
                 diagnostics->FifoCount, diagnostics->ErrorCode));
        ExFreePoolWithTag(diagnostics, DAQ_DIAG_TAG);
    }

    DaqStopAcquisition(deviceContext);
    status = DaqResetCard(deviceContext);
    if (NT_SUCCESS(status)) {
        status = DaqLoadCalibration(deviceContext);
    }
    if (NT_SUCCESS(status)) {
        DaqStartAcquisition(deviceContext);
    } else {
        KdPrint(("daq: recovery failed %08x\n", (ULONG)status));
    }
    deviceContext->Recoveries++;
    InterlockedExchange(&deviceContext->RecoveryQueued, 0);
}
