/*
 * pcfg_public.h - interface of the PolicyCfg device, shared with the
 * policy service in user mode.
 *
 * The service loads policies (a header, a name and a rule table) into the
 * driver; kernel components and applications ask whether an operation is
 * allowed.  Every change is written to an audit log that the service reads
 * back.
 */
#ifndef PCFG_PUBLIC_H
#define PCFG_PUBLIC_H

#define PCFG_DEVICE_NAME L"\\Device\\PolicyCfg"
#define PCFG_LINK_NAME L"\\DosDevices\\PolicyCfg"

#define FILE_DEVICE_PCFG 0x00005043

/* Input: PCFG_POLICY_HEADER, name, rules. */
#define IOCTL_PCFG_SET_POLICY \
    CTL_CODE(FILE_DEVICE_PCFG, 0x900, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Input: ULONG id.  Output: PCFG_POLICY_INFO, then the name. */
#define IOCTL_PCFG_GET_POLICY \
    CTL_CODE(FILE_DEVICE_PCFG, 0x901, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Input: ULONG id. */
#define IOCTL_PCFG_DELETE_POLICY \
    CTL_CODE(FILE_DEVICE_PCFG, 0x902, METHOD_BUFFERED, FILE_WRITE_ACCESS)
/* Output: ULONG count, then count ULONG ids. */
#define IOCTL_PCFG_ENUM_POLICIES \
    CTL_CODE(FILE_DEVICE_PCFG, 0x903, METHOD_BUFFERED, FILE_READ_ACCESS)
/* Output: audit text, oldest first. */
#define IOCTL_PCFG_READ_AUDIT \
    CTL_CODE(FILE_DEVICE_PCFG, 0x904, METHOD_OUT_DIRECT, FILE_READ_ACCESS)
/* Completes when the policy set changes.  Output: ULONG generation. */
#define IOCTL_PCFG_WAIT_CHANGE \
    CTL_CODE(FILE_DEVICE_PCFG, 0x905, METHOD_BUFFERED, FILE_READ_ACCESS)
/* The hot path.  Input: PCFG_CHECK_REQUEST.  Output: ULONG verdict. */
#define IOCTL_PCFG_CHECK \
    CTL_CODE(FILE_DEVICE_PCFG, 0x910, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Output: PCFG_STATISTICS. */
#define IOCTL_PCFG_GET_STATISTICS \
    CTL_CODE(FILE_DEVICE_PCFG, 0x911, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define PCFG_MAX_POLICIES 128
#define PCFG_MAX_NAME 64
#define PCFG_MAX_RULES 256
#define PCFG_MAX_BLOB (16 * 1024)

#define PCFG_VERDICT_ALLOW 1
#define PCFG_VERDICT_DENY 0
#define PCFG_VERDICT_UNKNOWN 2

typedef struct _PCFG_POLICY_HEADER {
    ULONG Id;
    ULONG Flags;
    ULONG NameLength;    /* bytes, no terminator */
    ULONG RuleCount;
} PCFG_POLICY_HEADER, *PPCFG_POLICY_HEADER;

typedef struct _PCFG_RULE {
    ULONG Operation;
    ULONG Allow;
} PCFG_RULE, *PPCFG_RULE;

typedef struct _PCFG_POLICY_INFO {
    ULONG Id;
    ULONG Flags;
    ULONG Version;
    ULONG RuleCount;
    ULONG NameLength;
    ULONG Reserved;
    ULONG64 LoadTime;
} PCFG_POLICY_INFO, *PPCFG_POLICY_INFO;

typedef struct _PCFG_CHECK_REQUEST {
    ULONG PolicyId;
    ULONG Operation;
    CHAR Subject[PCFG_MAX_NAME];
} PCFG_CHECK_REQUEST, *PPCFG_CHECK_REQUEST;

typedef struct _PCFG_STATISTICS {
    ULONG Policies;
    ULONG Generation;
    ULONG Checks;
    ULONG CacheHits;
    ULONG Heartbeats;
    ULONG AuditBytes;
} PCFG_STATISTICS, *PPCFG_STATISTICS;

#endif /* PCFG_PUBLIC_H */
