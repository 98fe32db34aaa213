"""Process helpers shared by every kind of worker (extraction, uploads, user Cypher)."""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux ``PR_SET_PDEATHSIG``).

    A worker orphaned by a ``kill -9`` of its parent would otherwise run on (holding memory) until
    it next looks at its queue. ``parent`` is the pid the caller forked from: if it is already gone
    by the time the signal is armed, exit now."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: nothing to arm
        return
    if os.getppid() != parent:
        os._exit(1)
