"""A Landlock sandbox for the processes that run user Cypher (Linux 5.13+, through ctypes).

``restrict(read_paths, connect_ports)`` makes the calling process, for the rest of its life and
that of its children, unable to write, create, delete or rename any file, to read anything but
``read_paths`` (the store's directory and what Python itself loads), to bind TCP ports, and to
connect to TCP ports other than ``connect_ports`` (the Neo4j server's; none for the embedded
store) or to signal processes outside the sandbox. Already-open descriptors (the pipe to the
server) keep working. Whatever the engine is talked into (``COPY … TO``, ``EXPORT DATABASE``,
``LOAD FROM '/etc/passwd'``, an HTTP fetch), the kernel refuses it.

Landlock binds the calling thread and the threads and processes it creates afterwards, never
threads that already run (ABI 7 has no way to reach them): ``restrict`` must run while the process
has one thread, before the engine is imported or opened (LadybugDB starts its worker threads when
a database opens; a ``COPY … TO`` run by one of them would escape). It refuses otherwise.

Landlock is additive per ABI version; the rules below use what the running kernel offers. Where
Landlock is missing (old kernel, disabled LSM, not Linux), ``restrict`` logs one warning and
returns False: the other layers (the guard, the read-only handle, the worker) still hold.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # same on x86_64 and arm64
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH, _RULE_NET_PORT = 1, 2
_PR_SET_NO_NEW_PRIVS = 38

# Filesystem rights (include/uapi/linux/landlock.h), by the ABI version that introduced them.
EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_V1 = (1 << 13) - 1  # EXECUTE … MAKE_SYM
_FS_BY_ABI = {1: _FS_V1, 2: _FS_V1 | 1 << 13, 3: _FS_V1 | 1 << 13 | 1 << 14}  # + REFER, + TRUNCATE
_FS_IOCTL_DEV = 1 << 15  # ABI 5
_NET_BIND_TCP, _NET_CONNECT_TCP = 1 << 0, 1 << 1  # ABI 4
_SCOPE_ABSTRACT_UNIX, _SCOPE_SIGNAL = 1 << 0, 1 << 1  # ABI 6

_warned = False
_UNAVAILABLE = (
    "Landlock is not available on this kernel: Cypher workers run without a filesystem sandbox "
    "(the guard, the read-only handle and the worker process still apply; see SECURITY.md)"
)


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


class _NetPort(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("port", ctypes.c_uint64)]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def abi_version() -> int:
    """The kernel's Landlock ABI version; 0 when Landlock is unavailable."""
    if not sys.platform.startswith("linux"):
        return 0
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    version = libc.syscall(
        ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION)
    )
    return max(0, int(version))


def python_read_paths() -> list[Path]:
    """What a running Python process still reads: its installation, the virtualenv, the package
    sources (an editable install reads them from the checkout), shared libraries and locale data."""
    paths = {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    paths |= {Path(p) for p in sys.path if p and Path(p).is_dir()}
    paths |= {Path(__file__).resolve().parents[1]}  # the fengong sources
    paths |= {Path(p) for p in ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo")}
    paths |= {Path(p) for p in ("/etc/ld.so.cache", "/etc/localtime", "/dev/null", "/dev/urandom")}
    return sorted(p for p in paths if p.exists())


def _native_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        log.warning("%s", message)


def warn_if_unavailable() -> bool:
    """Log the missing-sandbox warning once per process (the server calls this, so that its workers
    need not each say it); True when Landlock is available."""
    if abi_version() >= 1:
        return True
    _warn_once(_UNAVAILABLE)
    return False


def restrict(read_paths: Iterable[Path], connect_ports: Iterable[int] = (), *, warn: bool = True) -> bool:
    """Sandbox the calling process (see the module docstring); True once applied, False where
    Landlock is unavailable (after one logged warning unless ``warn`` is False). Irreversible."""
    if threading.active_count() > 1 or _native_threads() > 1:
        raise RuntimeError("the sandbox must be applied before the process starts a second thread")
    abi = abi_version()
    if abi < 1:
        if warn:
            _warn_once(_UNAVAILABLE)
        return False
    fs = _FS_BY_ABI.get(abi, _FS_BY_ABI[3] | (_FS_IOCTL_DEV if abi >= 5 else 0))
    attr = _RulesetAttr(fs, _NET_BIND_TCP | _NET_CONNECT_TCP if abi >= 4 else 0, 0)
    if abi >= 6:
        attr.scoped = _SCOPE_ABSTRACT_UNIX | _SCOPE_SIGNAL
    size = 8 if abi < 4 else (16 if abi < 6 else 24)  # the struct grew with the ABI
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    ruleset = libc.syscall(
        ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0)
    )
    if ruleset < 0:
        _warn_once(f"Landlock refused the ruleset ({os.strerror(ctypes.get_errno())}): no sandbox")
        return False
    try:
        for path in read_paths:
            _allow(libc, int(ruleset), Path(path), fs)
        for port in connect_ports if abi >= 4 else ():
            rule = _NetPort(_NET_CONNECT_TCP, int(port))
            _check(libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset),
                                ctypes.c_int(_RULE_NET_PORT), ctypes.byref(rule), ctypes.c_uint32(0)),
                   f"port {port}")  # fmt: skip
        _check(libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
        _check(libc.syscall(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)),
               "restrict_self")  # fmt: skip
    finally:
        os.close(int(ruleset))
    return True


def _allow(libc: ctypes.CDLL, ruleset: int, path: Path, handled: int) -> None:
    """Let ``path`` (and, for a directory, what lies beneath) be read and executed, nothing more."""
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path that vanished needs no rule
    try:
        rights = EXECUTE | READ_FILE | (READ_DIR if path.is_dir() else 0)
        rule = _PathBeneath(rights & handled, fd)
        _check(libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset),
                            ctypes.c_int(_RULE_PATH_BENEATH), ctypes.byref(rule), ctypes.c_uint32(0)),
               str(path))  # fmt: skip
    finally:
        os.close(fd)


def _check(result: int, what: str) -> None:
    if result < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"Landlock: {what}: {os.strerror(errno)}")
