/*
 * keystore.cpp - key management of the XForm driver.
 *
 * Keys change at PASSIVE_LEVEL (the key queue is passive), serialized by a
 * wait lock.  The data path only ever copies the current key under the
 * snapshot spin lock, so a key change never waits for it.
 */
#include "xform.h"

namespace xform {

NTSTATUS KeyStore::Initialize(WDFDEVICE device)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;

    NTSTATUS status = WdfWaitLockCreate(&attributes, &m_lock);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return WdfSpinLockCreate(&attributes, &m_snapshotLock);
}

void KeyStore::Destroy()
{
    m_key.Reset();
    m_length = 0;
}

/* Copies the current key; returns its length (0: no key yet). */
size_t KeyStore::Snapshot(UCHAR *out, USHORT *generation)
{
    kcpp::SpinLockGuard guard(m_snapshotLock);

    *generation = m_generation;
    if (!m_key) {
        return 0;
    }
    size_t length = kcpp::Min(m_length, kMaxKeyLength);
    RtlCopyMemory(out, m_key.Buffer(), length);
    return length;
}

NTSTATUS KeyStore::SetKey(WDFDEVICE device, const UCHAR *key, size_t length)
{
    if (length == 0 || length > kMaxKeyLength) {
        return STATUS_INVALID_PARAMETER;
    }

    kcpp::WaitLockGuard serialize(m_lock);

    /* Key material stays in non-paged pool: it is read at DISPATCH_LEVEL. */
    kcpp::ScopedMemory staged;
    NTSTATUS status = staged.Create(device, NonPagedPoolNx, kKeyTag, length);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlCopyMemory(staged.Buffer(), key, length);

    /* The outgoing key stays available as the previous key, for data that
       was queued under it. */
    WDFMEMORY previous = nullptr;
    if (m_key) {
        PVOID copy;
        status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, kKeyTag,
                                 m_length, &previous, &copy);
        if (!NT_SUCCESS(status)) {
            return status;
        }
        RtlCopyMemory(copy, m_key.Buffer(), m_length);
    }

    WDFMEMORY retired = nullptr;
    {
        kcpp::SpinLockGuard guard(m_snapshotLock);
        retired = m_key.Detach();
        m_key = kcpp::Move(staged);
        m_length = length;
        m_generation++;
    }

    if (m_previous != nullptr) {
        WdfObjectDelete(m_previous);
    }
    m_previous = previous;

    if (retired != nullptr) {
        /* Key material never goes back to the pool readable. */
        size_t retiredLength = 0;
        PVOID retiredBytes = WdfMemoryGetBuffer(retired, &retiredLength);
        RtlSecureZeroMemory(retiredBytes, retiredLength);
        WdfObjectDelete(retired);
    }
    return STATUS_SUCCESS;
}

/* Unloads the key (IOCTL_XFORM_CLEAR_KEY): the data path then refuses
   writes until a new key is set. */
NTSTATUS KeyStore::Clear()
{
    kcpp::WaitLockGuard serialize(m_lock);

    WDFMEMORY key;
    {
        kcpp::SpinLockGuard guard(m_snapshotLock);
        key = m_key.Detach();
        m_length = 0;
        m_generation++;
    }
    if (key == nullptr) {
        return STATUS_NOT_FOUND;
    }

    size_t keyLength = 0;
    PVOID keyBytes = WdfMemoryGetBuffer(key, &keyLength);
    WdfObjectDelete(key);
    RtlZeroMemory(keyBytes, keyLength);
    return STATUS_SUCCESS;
}

/* A 32-bit FNV-1a hash of the key, so that applications can tell which key
   is loaded without reading it. */
NTSTATUS KeyStore::Fingerprint(ULONG *fingerprint)
{
    UCHAR key[kMaxKeyLength];
    USHORT generation;

    kcpp::WaitLockGuard serialize(m_lock);
    size_t length = Snapshot(key, &generation);
    if (length == 0) {
        return STATUS_NOT_FOUND;
    }

    ULONG hash = 2166136261u;
    for (size_t i = 0; i < length; i++) {
        hash ^= key[i];
        hash *= 16777619u;
    }
    RtlSecureZeroMemory(key, sizeof(key));
    *fingerprint = hash ^ generation;
    return STATUS_SUCCESS;
}

} // namespace xform
