/*
 * kcpp.h - the small C++ support library of the XForm driver.
 *
 * No exceptions, no RTTI, no standard library: objects live in framework
 * object contexts (constructed with placement new) or on the stack.
 *
 *   SpinLockGuard, WaitLockGuard   scoped locks over WDFSPINLOCK/WDFWAITLOCK
 *   ScopedMemory                   owns one WDFMEMORY: deletes it unless
 *                                  Detach()ed; movable, not copyable
 *   PoolPtr<T>                     owns one ExAllocatePool2 block
 *   ContextOf<T>(handle)           typed context access
 */
#ifndef XFORM_KCPP_H
#define XFORM_KCPP_H

#include <ntddk.h>
#include <wdf.h>

/* Placement new: constructs an object in memory the framework allocated. */
inline void *operator new(size_t, void *where) noexcept
{
    return where;
}

namespace kcpp {

template <typename T> struct RemoveReference { using Type = T; };
template <typename T> struct RemoveReference<T &> { using Type = T; };
template <typename T> struct RemoveReference<T &&> { using Type = T; };

template <typename T>
constexpr typename RemoveReference<T>::Type &&Move(T &&value) noexcept
{
    return static_cast<typename RemoveReference<T>::Type &&>(value);
}

template <typename T> constexpr const T &Min(const T &a, const T &b)
{
    return b < a ? b : a;
}

/* Holds a WDFSPINLOCK for its scope: DISPATCH_LEVEL inside. */
class SpinLockGuard {
public:
    explicit SpinLockGuard(WDFSPINLOCK lock) : m_lock(lock)
    {
        WdfSpinLockAcquire(m_lock);
    }
    ~SpinLockGuard()
    {
        WdfSpinLockRelease(m_lock);
    }
    SpinLockGuard(const SpinLockGuard &) = delete;
    SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
    WDFSPINLOCK m_lock;
};

/* Holds a WDFWAITLOCK for its scope.  Waits: PASSIVE_LEVEL only. */
class WaitLockGuard {
public:
    explicit WaitLockGuard(WDFWAITLOCK lock) : m_lock(lock)
    {
        (VOID)WdfWaitLockAcquire(m_lock, nullptr);
    }
    ~WaitLockGuard()
    {
        WdfWaitLockRelease(m_lock);
    }
    WaitLockGuard(const WaitLockGuard &) = delete;
    WaitLockGuard &operator=(const WaitLockGuard &) = delete;

private:
    WDFWAITLOCK m_lock;
};

/* Owns one memory object. */
class ScopedMemory {
public:
    ScopedMemory() = default;
    /* Takes ownership of an existing memory object. */
    explicit ScopedMemory(WDFMEMORY memory) : m_memory(memory)
    {
        if (m_memory != nullptr) {
            m_buffer = WdfMemoryGetBuffer(m_memory, &m_size);
        }
    }
    ~ScopedMemory()
    {
        if (m_memory != nullptr) {
            WdfObjectDelete(m_memory);
        }
    }
    ScopedMemory(ScopedMemory &&other) noexcept
        : m_memory(other.m_memory), m_buffer(other.m_buffer), m_size(other.m_size)
    {
        other.m_memory = nullptr;
        other.m_buffer = nullptr;
        other.m_size = 0;
    }
    ScopedMemory &operator=(ScopedMemory &&other) noexcept
    {
        if (this != &other) {
            Reset();
            m_memory = other.m_memory;
            m_buffer = other.m_buffer;
            m_size = other.m_size;
            other.m_memory = nullptr;
            other.m_buffer = nullptr;
            other.m_size = 0;
        }
        return *this;
    }
    ScopedMemory(const ScopedMemory &) = delete;
    ScopedMemory &operator=(const ScopedMemory &) = delete;

    /* Creates the object; Parent decides its lifetime once detached. */
    NTSTATUS Create(WDFOBJECT parent, POOL_TYPE poolType, ULONG tag, size_t size)
    {
        WDF_OBJECT_ATTRIBUTES attributes;
        WDFMEMORY memory;
        PVOID buffer;

        Reset();
        WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
        attributes.ParentObject = parent;
        NTSTATUS status = WdfMemoryCreate(&attributes, poolType, tag, size,
                                          &memory, &buffer);
        if (NT_SUCCESS(status)) {
            m_memory = memory;
            m_buffer = buffer;
            m_size = size;
        }
        return status;
    }

    /* Deletes the object now. */
    void Reset()
    {
        if (m_memory != nullptr) {
            WdfObjectDelete(m_memory);
            m_memory = nullptr;
            m_buffer = nullptr;
            m_size = 0;
        }
    }

    /* Gives up ownership: the caller (or the object's parent) deletes it. */
    WDFMEMORY Detach()
    {
        WDFMEMORY memory = m_memory;
        m_memory = nullptr;
        m_buffer = nullptr;
        m_size = 0;
        return memory;
    }

    WDFMEMORY Get() const { return m_memory; }
    PVOID Buffer() const { return m_buffer; }
    size_t Size() const { return m_size; }
    explicit operator bool() const { return m_memory != nullptr; }

    template <typename T> T *As() const { return static_cast<T *>(m_buffer); }

private:
    WDFMEMORY m_memory = nullptr;
    PVOID m_buffer = nullptr;
    size_t m_size = 0;
};

/* Owns one pool block from ExAllocatePool2 (zeroed, non-paged). */
template <typename T> class PoolPtr {
public:
    PoolPtr() = default;
    explicit PoolPtr(ULONG tag) : m_tag(tag) {}
    ~PoolPtr() { Free(); }
    PoolPtr(const PoolPtr &) = delete;
    PoolPtr &operator=(const PoolPtr &) = delete;

    bool Allocate(size_t count)
    {
        Free();
        m_pointer = static_cast<T *>(
            ExAllocatePool2(POOL_FLAG_NON_PAGED, count * sizeof(T), m_tag));
        return m_pointer != nullptr;
    }
    void Free()
    {
        if (m_pointer != nullptr) {
            ExFreePoolWithTag(m_pointer, m_tag);
            m_pointer = nullptr;
        }
    }
    T *Release()
    {
        T *pointer = m_pointer;
        m_pointer = nullptr;
        return pointer;
    }
    T *Get() const { return m_pointer; }
    T *operator->() const { return m_pointer; }
    T &operator[](size_t index) const { return m_pointer[index]; }

private:
    T *m_pointer = nullptr;
    ULONG m_tag = 'pCrX';
};

} // namespace kcpp

#endif /* XFORM_KCPP_H */
