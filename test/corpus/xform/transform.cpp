/*
 * transform.cpp - the byte transforms of the XForm driver.
 *
 * Pure computation: no allocation, no framework calls, any IRQL.
 */
#include "xform.h"

namespace xform {

namespace {

/* Rotates a byte left by the key byte's low three bits. */
inline UCHAR RotateLeft(UCHAR value, UCHAR key)
{
    unsigned shift = key & 7u;
    return static_cast<UCHAR>((value << shift) | (value >> ((8u - shift) & 7u)));
}

/* Adler-32-like running checksum over the data. */
class RunningChecksum {
public:
    explicit RunningChecksum(ULONG seed) : m_low(seed & 0xFFFF), m_high(seed >> 16) {}

    void Add(const UCHAR *data, size_t length)
    {
        for (size_t i = 0; i < length; i++) {
            m_low = (m_low + data[i]) % kModulus;
            m_high = (m_high + m_low) % kModulus;
        }
    }
    ULONG Value() const { return (m_high << 16) | m_low; }

private:
    static constexpr ULONG kModulus = 65521;
    ULONG m_low;
    ULONG m_high;
};

} // namespace

void Transform::Apply(Mode mode, const UCHAR *key, size_t keyLength,
                      ULONG64 streamOffset, PUCHAR data, size_t length,
                      ULONG *checksum)
{
    switch (mode) {
    case Mode::Xor:
        if (keyLength == 0) {
            return;
        }
        for (size_t i = 0; i < length; i++) {
            data[i] ^= key[(streamOffset + i) % keyLength];
        }
        break;

    case Mode::Rotate:
        if (keyLength == 0) {
            return;
        }
        for (size_t i = 0; i < length; i++) {
            data[i] = RotateLeft(data[i], key[(streamOffset + i) % keyLength]);
        }
        break;

    case Mode::Checksum: {
        RunningChecksum running(*checksum == 0 ? 1 : *checksum);
        running.Add(data, length);
        *checksum = running.Value();
        break;
    }
    }
}

} // namespace xform
