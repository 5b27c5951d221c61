/*
 * queue.cpp - the I/O queues of the XForm driver.
 *
 *   default queue  parallel, DISPATCH_LEVEL: reads, writes, data IOCTLs;
 *                  key IOCTLs are forwarded to the key queue
 *   key queue      sequential, PASSIVE_LEVEL: key changes
 */
#include "xform.h"

namespace xform {

namespace {

/* Runs body with the device's data lock held. */
template <typename Body> void WithDataLock(Device &device, Body body)
{
    kcpp::SpinLockGuard guard(device.DataLock());
    body();
}

bool IsKeyControl(ULONG ioControlCode)
{
    return ioControlCode == IOCTL_XFORM_SET_KEY ||
           ioControlCode == IOCTL_XFORM_GET_KEY_FINGERPRINT ||
           ioControlCode == IOCTL_XFORM_GET_KEY_INFO ||
           ioControlCode == IOCTL_XFORM_CLEAR_KEY;
}

} // namespace

NTSTATUS Queue::Create(Device &device)
{
    WDF_IO_QUEUE_CONFIG config;
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchParallel);
    config.EvtIoRead = Queue::OnRead;
    config.EvtIoWrite = Queue::OnWrite;
    config.EvtIoDeviceControl = Queue::OnDeviceControl;
    NTSTATUS status = WdfIoQueueCreate(device.Handle(), &config,
                                       WDF_NO_OBJECT_ATTRIBUTES,
                                       &device.m_defaultQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    /* Key changes take the key store's wait lock: this queue's callbacks
       run at PASSIVE_LEVEL. */
    WDF_IO_QUEUE_CONFIG_INIT(&config, WdfIoQueueDispatchSequential);
    config.EvtIoDeviceControl = Queue::OnKeyControl;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ExecutionLevel = WdfExecutionLevelPassive;
    attributes.ParentObject = device.Handle();
    return WdfIoQueueCreate(device.Handle(), &config, &attributes,
                            &device.m_keyQueue);
}

/* Returns transformed bytes, oldest first. */
VOID Queue::OnRead(WDFQUEUE queue, WDFREQUEST request, size_t length)
{
    Device &device = *Device::FromHandle(WdfIoQueueGetDevice(queue));

    if (length == 0) {
        WdfRequestCompleteWithInformation(request, STATUS_SUCCESS, 0);
        return;
    }

    WDFMEMORY outputMemory;
    NTSTATUS status = WdfRequestRetrieveOutputMemory(request, &outputMemory);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(request, status);
        return;
    }

    size_t copied = 0;
    {
        kcpp::ScopedMemory output(outputMemory);
        kcpp::SpinLockGuard guard(device.DataLock());

        copied = kcpp::Min(output.Size(), device.m_pendingBytes);
        if (copied == 0) {
            /* Nothing transformed yet: an empty read, like a pipe. */
            device.m_stats.Reads++;
        } else {
            PUCHAR pending = device.Pending().As<UCHAR>();
            RtlCopyMemory(output.Buffer(), pending, copied);
            RtlMoveMemory(pending, pending + copied, device.m_pendingBytes - copied);
            device.m_pendingBytes -= copied;
            device.m_stats.BytesOut += copied;
            device.m_stats.Reads++;
        }
    }
    WdfRequestCompleteWithInformation(request, STATUS_SUCCESS, copied);
}

/* Transforms the written bytes into the pending buffer. */
VOID Queue::OnWrite(WDFQUEUE queue, WDFREQUEST request, size_t length)
{
    Device &device = *Device::FromHandle(WdfIoQueueGetDevice(queue));
    UCHAR key[kMaxKeyLength];
    USHORT generation;

    PUCHAR input = nullptr;
    NTSTATUS status = WdfRequestRetrieveInputBuffer(request, 1,
                                                    reinterpret_cast<PVOID *>(&input),
                                                    &length);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(request, status);
        return;
    }

    size_t keyLength = device.Keys().Snapshot(key, &generation);
    if (keyLength == 0 && device.m_mode != Mode::Checksum) {
        WdfRequestComplete(request, STATUS_DEVICE_NOT_READY);
        return;
    }

    /* The lock is dropped before the request completes. */
    WdfSpinLockAcquire(device.DataLock());
    if (device.m_pendingBytes + length > kPendingCapacity) {
        device.m_stats.Rejected++;
        WdfRequestComplete(request, STATUS_DEVICE_BUSY);
        return;
    }
    PUCHAR destination = device.Pending().As<UCHAR>() + device.m_pendingBytes;
    RtlCopyMemory(destination, input, length);
    Transform::Apply(device.m_mode, key, keyLength, device.m_streamOffset,
                     destination, length, &device.m_checksum);
    device.m_pendingBytes += length;
    device.m_streamOffset += length;
    device.m_stats.BytesIn += length;
    device.m_stats.Writes++;
    WdfSpinLockRelease(device.DataLock());

    RtlSecureZeroMemory(key, sizeof(key));
    WdfRequestCompleteWithInformation(request, STATUS_SUCCESS, length);
}

NTSTATUS Queue::GetInfo(Device &device, WDFREQUEST request, size_t *information)
{
    NTSTATUS status;
    XFORM_INFO *reply = RetrieveOutput<XFORM_INFO>(request, &status);
    if (reply == nullptr) {
        return status;
    }

    XFORM_INFO info;
    info.Version = kVersion;
    info.KeyLength = static_cast<ULONG>(device.Keys().Length());
    info.KeyGeneration = device.Keys().Generation();
    WithDataLock(device, [&] {
        info.Mode = static_cast<UCHAR>(device.m_mode);
        info.BytesIn = device.m_stats.BytesIn;
        info.BytesOut = device.m_stats.BytesOut;
    });

    *reply = info;
    *information = sizeof(XFORM_INFO);
    return STATUS_SUCCESS;
}

/* Transforms one block in place (input and output share the system
   buffer) with a fresh stream offset of 0; does not touch the stream. */
NTSTATUS Queue::ProcessBlock(Device &device, WDFREQUEST request,
                             size_t inputLength, size_t *information)
{
    UCHAR key[kMaxKeyLength];
    USHORT generation;

    if (inputLength == 0 || inputLength > kMaxBlock) {
        return STATUS_INVALID_BUFFER_SIZE;
    }
    PVOID data = nullptr;
    size_t outputLength = 0;
    NTSTATUS status = WdfRequestRetrieveOutputBuffer(request, inputLength, &data,
                                                     &outputLength);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    size_t keyLength = device.Keys().Snapshot(key, &generation);

    /* Work on a private copy, so that a failure leaves the caller's buffer
       as it was. */
    kcpp::ScopedMemory scratch;
    status = scratch.Create(request, PagedPool, kScratchTag, inputLength);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlCopyMemory(scratch.Buffer(), data, inputLength);

    ULONG checksum = 0;
    Transform::Apply(device.m_mode, key, keyLength, 0, scratch.As<UCHAR>(),
                     inputLength, &checksum);
    RtlCopyMemory(data, scratch.Buffer(), inputLength);
    RtlSecureZeroMemory(key, sizeof(key));
    *information = inputLength;
    return STATUS_SUCCESS;
}

/* Known-answer test of the current mode with a fixed key. */
NTSTATUS Queue::SelfTest(Device &device)
{
    static const UCHAR testKey[4] = {0x5A, 0xA5, 0x3C, 0xC3};
    static const UCHAR plain[8] = {'x', 'f', 'o', 'r', 'm', '-', 'k', 'a'};
    WDFMEMORY scratchMemory;
    PVOID scratch;

    NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx,
                                      kScratchTag, sizeof(plain), &scratchMemory,
                                      &scratch);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    PUCHAR bytes = static_cast<PUCHAR>(scratch);
    RtlCopyMemory(bytes, plain, sizeof(plain));

    ULONG checksum = 0;
    Transform::Apply(device.m_mode, testKey, sizeof(testKey), 0, bytes,
                     sizeof(plain), &checksum);
    if (device.m_mode != Mode::Checksum &&
        RtlCompareMemory(bytes, plain, sizeof(plain)) == sizeof(plain)) {
        /* The transform did nothing: broken. */
        return STATUS_DEVICE_DATA_ERROR;
    }
    Transform::Apply(device.m_mode, testKey, sizeof(testKey), 0, bytes,
                     sizeof(plain), &checksum);

    WdfObjectDelete(scratchMemory);
    return STATUS_SUCCESS;
}

NTSTATUS Queue::SetMode(Device &device, WDFREQUEST request)
{
    XFORM_MODE_REQUEST *input = RetrieveInput<XFORM_MODE_REQUEST>(request);
    if (input->Mode > static_cast<ULONG>(Mode::Checksum)) {
        return STATUS_INVALID_PARAMETER;
    }
    Mode mode = static_cast<Mode>(input->Mode);

    WithDataLock(device, [&] {
        if (device.m_mode != mode) {
            device.m_mode = mode;
            device.m_streamOffset = 0;
            device.m_checksum = 0;
        }
    });
    return STATUS_SUCCESS;
}

NTSTATUS Queue::GetStatistics(Device &device, WDFREQUEST request,
                              size_t *information)
{
    NTSTATUS status;
    StatisticsReply *reply = RetrieveOutput<StatisticsReply>(request, &status);
    if (reply == nullptr) {
        return status;
    }

    /* One consistent snapshot: the counters move under the data lock. */
    WithDataLock(device, [&] {
        StatisticsReply snapshot(device.m_stats);
        RtlCopyMemory(reply, &snapshot, sizeof(snapshot));
    });
    *information = sizeof(StatisticsReply);
    return STATUS_SUCCESS;
}

VOID Queue::OnDeviceControl(WDFQUEUE queue, WDFREQUEST request,
                            size_t outputBufferLength, size_t inputBufferLength,
                            ULONG ioControlCode)
{
    Device &device = *Device::FromHandle(WdfIoQueueGetDevice(queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(outputBufferLength);

    if (IsKeyControl(ioControlCode)) {
        status = WdfRequestForwardToIoQueue(request, device.m_keyQueue);
        if (!NT_SUCCESS(status)) {
            WdfRequestComplete(request, status);
        }
        return;
    }

    switch (ioControlCode) {
    case IOCTL_XFORM_GET_KEY_GENERATION: {
        USHORT *generation = RetrieveOutput<USHORT>(request, &status);
        if (generation == nullptr) {
            break;
        }
        kcpp::WaitLockGuard consistent(device.Keys().Lock());
        *generation = device.Keys().Generation();
        information = sizeof(USHORT);
        break;
    }
    case IOCTL_XFORM_SET_MODE:
        status = SetMode(device, request);
        break;
    case IOCTL_XFORM_GET_INFO:
        status = GetInfo(device, request, &information);
        break;
    case IOCTL_XFORM_PROCESS_BLOCK:
        status = ProcessBlock(device, request, inputBufferLength, &information);
        break;
    case IOCTL_XFORM_SELF_TEST:
        status = SelfTest(device);
        break;
    case IOCTL_XFORM_GET_STATISTICS:
        status = GetStatistics(device, request, &information);
        break;
    case IOCTL_XFORM_RESET_STATISTICS:
        WithDataLock(device, [&] { device.m_stats = Statistics(); });
        status = STATUS_SUCCESS;
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(request, status, information);
}

/* PASSIVE_LEVEL (the key queue's execution level). */
VOID Queue::OnKeyControl(WDFQUEUE queue, WDFREQUEST request,
                         size_t outputBufferLength, size_t inputBufferLength,
                         ULONG ioControlCode)
{
    Device &device = *Device::FromHandle(WdfIoQueueGetDevice(queue));
    size_t information = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(outputBufferLength);

    switch (ioControlCode) {
    case IOCTL_XFORM_SET_KEY: {
        PVOID input = nullptr;
        status = WdfRequestRetrieveInputBuffer(request, 1, &input, nullptr);
        if (!NT_SUCCESS(status)) {
            break;
        }
        if (inputBufferLength > kMaxKeyLength) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        /* Copy the key out of the shared system buffer first; paged pool
           is fine here, at PASSIVE_LEVEL. */
        kcpp::ScopedMemory copy;
        status = copy.Create(request, PagedPool, kKeyTag, inputBufferLength);
        if (!NT_SUCCESS(status)) {
            break;
        }
        RtlCopyMemory(copy.Buffer(), input, inputBufferLength);
        status = device.Keys().SetKey(device.Handle(), copy.As<UCHAR>(),
                                      inputBufferLength);
        RtlSecureZeroMemory(copy.Buffer(), copy.Size());
        break;
    }
    case IOCTL_XFORM_GET_KEY_FINGERPRINT: {
        ULONG *fingerprint = RetrieveOutput<ULONG>(request, &status);
        if (fingerprint == nullptr) {
            break;
        }
        status = device.Keys().Fingerprint(fingerprint);
        if (NT_SUCCESS(status)) {
            information = sizeof(ULONG);
        }
        break;
    }
    case IOCTL_XFORM_GET_KEY_INFO: {
        KeyInfoReply *reply = RetrieveOutput<KeyInfoReply>(request, &status);
        if (reply == nullptr) {
            break;
        }
        ULONG fingerprint = 0;
        status = device.Keys().Fingerprint(&fingerprint);
        if (NT_SUCCESS(status)) {
            KeyInfoReply info(device.Keys().Generation(), fingerprint,
                              device.Keys().Length());
            RtlCopyMemory(reply, &info, sizeof(info));
            information = sizeof(info);
        }
        break;
    }
    case IOCTL_XFORM_CLEAR_KEY:
        status = device.Keys().Clear();
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(request, status, information);
}

} // namespace xform
