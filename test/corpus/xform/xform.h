/*
 * xform.h - the XForm driver: a byte-stream transform device, in C++.
 *
 * Applications write data and read it back transformed with the device's
 * key (XOR stream, byte rotation, or pass-through with a running checksum).
 * Keys are managed through IOCTLs handled in a passive-level queue, where
 * the key store's wait lock may be taken; the data path runs at
 * DISPATCH_LEVEL under a spin lock.
 */
#ifndef XFORM_H
#define XFORM_H

#include "kcpp.h"

#define FILE_DEVICE_XFORM 0x0000C7F0u

#define IOCTL_XFORM_SET_KEY \
    CTL_CODE(FILE_DEVICE_XFORM, 0x800, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_XFORM_GET_KEY_FINGERPRINT \
    CTL_CODE(FILE_DEVICE_XFORM, 0x801, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_XFORM_GET_KEY_GENERATION \
    CTL_CODE(FILE_DEVICE_XFORM, 0x802, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_XFORM_SET_MODE \
    CTL_CODE(FILE_DEVICE_XFORM, 0x803, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_XFORM_GET_INFO \
    CTL_CODE(FILE_DEVICE_XFORM, 0x804, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_XFORM_PROCESS_BLOCK \
    CTL_CODE(FILE_DEVICE_XFORM, 0x805, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_XFORM_SELF_TEST \
    CTL_CODE(FILE_DEVICE_XFORM, 0x806, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_XFORM_CLEAR_KEY \
    CTL_CODE(FILE_DEVICE_XFORM, 0x808, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_XFORM_RESET_STATISTICS \
    CTL_CODE(FILE_DEVICE_XFORM, 0x807, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_XFORM_GET_STATISTICS \
    CTL_CODE(FILE_DEVICE_XFORM, 0x809, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_XFORM_GET_KEY_INFO \
    CTL_CODE(FILE_DEVICE_XFORM, 0x80A, METHOD_BUFFERED, FILE_READ_ACCESS)

/* IOCTL_XFORM_GET_INFO output. */
typedef struct _XFORM_INFO {
    ULONG Version;
    UCHAR Mode;
    ULONG KeyLength;
    ULONG64 BytesIn;
    ULONG64 BytesOut;
    USHORT KeyGeneration;
} XFORM_INFO, *PXFORM_INFO;

/* IOCTL_XFORM_SET_MODE input. */
typedef struct _XFORM_MODE_REQUEST {
    ULONG Mode;
    ULONG Flags;
} XFORM_MODE_REQUEST, *PXFORM_MODE_REQUEST;

namespace xform {

constexpr ULONG kVersion = 0x00010200;
constexpr ULONG kDeviceTag = 'vDrX';
constexpr ULONG kKeyTag = 'yKrX';
constexpr ULONG kPendingTag = 'nPrX';
constexpr ULONG kScratchTag = 'cSrX';
constexpr size_t kMaxKeyLength = 64;
constexpr size_t kPendingCapacity = 32 * 1024;
constexpr size_t kMaxBlock = 16 * 1024;

enum class Mode : ULONG { Xor = 0, Rotate = 1, Checksum = 2 };

/* The current key and its predecessor (for data queued before a key
   change).  SetKey and Fingerprint take the wait lock: PASSIVE_LEVEL.
   The data path reads a snapshot under the spin lock. */
class KeyStore {
public:
    NTSTATUS Initialize(WDFDEVICE device);
    void Destroy();

    _IRQL_requires_(PASSIVE_LEVEL)
    NTSTATUS SetKey(WDFDEVICE device, const UCHAR *key, size_t length);
    _IRQL_requires_(PASSIVE_LEVEL)
    NTSTATUS Fingerprint(ULONG *fingerprint);
    _IRQL_requires_(PASSIVE_LEVEL)
    NTSTATUS Clear();

    /* Copies the current key into out (at most kMaxKeyLength bytes). */
    size_t Snapshot(UCHAR *out, USHORT *generation);

    WDFWAITLOCK Lock() const { return m_lock; }
    USHORT Generation() const { return m_generation; }
    size_t Length() const { return m_length; }

private:
    WDFWAITLOCK m_lock = nullptr;       /* serializes key changes */
    WDFSPINLOCK m_snapshotLock = nullptr;
    kcpp::ScopedMemory m_key;
    WDFMEMORY m_previous = nullptr;
    size_t m_length = 0;
    USHORT m_generation = 0;
};

/* Transform of a buffer, in place. */
class Transform {
public:
    static void Apply(Mode mode, const UCHAR *key, size_t keyLength,
                      ULONG64 streamOffset, PUCHAR data, size_t length,
                      ULONG *checksum);
};

struct Statistics {
    ULONG64 BytesIn = 0;
    ULONG64 BytesOut = 0;
    ULONG Writes = 0;
    ULONG Reads = 0;
    ULONG Rejected = 0;
};

/* IOCTL_XFORM_GET_STATISTICS output: a snapshot of the data path's
   counters. */
class StatisticsReply {
public:
    explicit StatisticsReply(const Statistics &stats)
        : BytesIn(stats.BytesIn), BytesOut(stats.BytesOut),
          Writes(stats.Writes), Reads(stats.Reads)
    {
    }

    ULONG64 BytesIn;
    ULONG64 BytesOut;
    ULONG Writes;
    ULONG Reads;
    ULONG Rejected;     /* writes refused while the pending buffer was full */
};

/* Names a key without revealing it. */
class KeyId {
public:
    KeyId(USHORT generation, ULONG fingerprint)
        : Generation(generation), Fingerprint(fingerprint)
    {
    }

    USHORT Generation;
    ULONG Fingerprint;
};

/* IOCTL_XFORM_GET_KEY_INFO output. */
struct KeyInfoReply {
    KeyInfoReply(USHORT generation, ULONG fingerprint, size_t length)
        : Current(generation, fingerprint), Length(static_cast<ULONG>(length))
    {
    }

    KeyId Current;
    ULONG Length;
};

class Device {
public:
    static EVT_WDF_DRIVER_DEVICE_ADD EvtDeviceAdd;
    static EVT_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanup;

    static Device *FromHandle(WDFOBJECT handle);

    NTSTATUS Initialize(WDFDEVICE device);

    WDFDEVICE Handle() const { return m_device; }
    KeyStore &Keys() { return m_keys; }

    /* Data path state, guarded by DataLock(). */
    WDFSPINLOCK DataLock() const { return m_dataLock; }
    kcpp::ScopedMemory &Pending() { return m_pending; }
    size_t m_pendingBytes = 0;
    ULONG64 m_streamOffset = 0;
    ULONG m_checksum = 0;
    Mode m_mode = Mode::Xor;
    Statistics m_stats;

    WDFQUEUE m_defaultQueue = nullptr;
    WDFQUEUE m_keyQueue = nullptr;

private:
    WDFDEVICE m_device = nullptr;
    WDFSPINLOCK m_dataLock = nullptr;
    kcpp::ScopedMemory m_pending;
    KeyStore m_keys;
};

class Queue {
public:
    static NTSTATUS Create(Device &device);

    static EVT_WDF_IO_QUEUE_IO_READ OnRead;
    static EVT_WDF_IO_QUEUE_IO_WRITE OnWrite;
    static EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL OnDeviceControl;
    static EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL OnKeyControl;

private:
    static NTSTATUS GetInfo(Device &device, WDFREQUEST request, size_t *information);
    static NTSTATUS ProcessBlock(Device &device, WDFREQUEST request,
                                 size_t inputLength, size_t *information);
    static NTSTATUS SelfTest(Device &device);
    static NTSTATUS SetMode(Device &device, WDFREQUEST request);
    static NTSTATUS GetStatistics(Device &device, WDFREQUEST request,
                                  size_t *information);
};

/* Input structure of a buffered request, or nullptr. */
template <typename T> T *RetrieveInput(WDFREQUEST request)
{
    PVOID buffer = nullptr;
    WdfRequestRetrieveInputBuffer(request, sizeof(T), &buffer, nullptr);
    return static_cast<T *>(buffer);
}

/* Output structure of a buffered request; status says why not. */
template <typename T> T *RetrieveOutput(WDFREQUEST request, NTSTATUS *status)
{
    PVOID buffer = nullptr;
    *status = WdfRequestRetrieveOutputBuffer(request, sizeof(T), &buffer, nullptr);
    return NT_SUCCESS(*status) ? static_cast<T *>(buffer) : nullptr;
}

} // namespace xform

typedef xform::Device XFORM_DEVICE;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(XFORM_DEVICE, XformGetDevice)

extern "C" DRIVER_INITIALIZE DriverEntry;

#endif /* XFORM_H */
