"""The per-device token buckets in memory shared by a server's processes (gunicorn's workers).

gunicorn forks its workers from one master; memory a process maps as shared and anonymous before the fork is
the same memory in every child, and a semaphore made before the fork is the same semaphore. So a table made
in the master (gunicorn --preload imports the app there) gives every worker one view of each device's bucket:
a device has BURST requests at once and RATE a second whichever worker answers, as with the embedded server.
Made in a worker instead (no --preload), the table is that worker's own and the allowance is per worker;
`shared` tells which, and kit.web.school says so in the server's log.

A fixed table of SLOTS entries, found by a hash of the address and PROBES slots on: a slot whose bucket is
full again (idle for BURST / RATE seconds) is free, and when none of the probed slots is, the one counted
longest ago is reused (that device starts again with a full bucket: lenient, never stricter). No thread, file
or server of its own; Unix only, like gunicorn.
"""

from __future__ import annotations

import hashlib
import mmap
import multiprocessing
import os
import struct

from kit.web.limits import refill

SLOTS = 8192  # devices remembered at once: a school's worth; 32 bytes each, 256 KB in all
PROBES = 16
_SLOT = struct.Struct("<16sdd")  # a digest of the address, tokens left, when they were counted (monotonic s)
_EMPTY = bytes(16)


class SharedBuckets:
    """Token buckets in anonymous shared memory, under one inter-process lock (see the module's notes)."""

    def __init__(self, slots: int = SLOTS):
        self.slots = slots
        self._memory = mmap.mmap(-1, slots * _SLOT.size)  # MAP_SHARED | MAP_ANONYMOUS: kept shared over fork
        self._lock = multiprocessing.Lock()  # a POSIX semaphore, inherited by forked children
        self._maker = os.getpid()

    @property
    def shared(self) -> bool:
        """Whether this process was forked after the table was made (so it shares it with its siblings)."""
        return os.getpid() != self._maker

    def take(self, address: str, now: float, burst: int, rate: float) -> float:
        """Take a token for `address`: 0 when the request may go ahead, else the seconds until one is free.

        `now` must be time.monotonic(): the system's monotonic clock, the same in every process."""
        key = hashlib.blake2b(address.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        first = int.from_bytes(key[:8], "little") % self.slots
        full_after = burst / rate
        with self._lock:
            chosen = free = oldest = None  # oldest: (when counted, offset)
            for step in range(PROBES):
                offset = ((first + step) % self.slots) * _SLOT.size
                slot_key, tokens, then = _SLOT.unpack_from(self._memory, offset)
                if slot_key == key:
                    chosen = (offset, tokens, then)
                    break
                if free is None and (slot_key == _EMPTY or now - then >= full_after):
                    free = offset
                if oldest is None or then < oldest[0]:
                    oldest = (then, offset)
            if chosen is None:  # a new device (or one forgotten) starts with a full bucket
                chosen = (free if free is not None else oldest[1], float(burst), now)
            offset, tokens, then = chosen
            tokens = refill(tokens, then, now, burst, rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / rate
            _SLOT.pack_into(self._memory, offset, key, tokens - 1 if not wait else tokens, now)
        return wait
