"""Read a file once, boundedly, without following links or blocking on FIFOs and devices."""

from __future__ import annotations

import errno
import os
import stat

from claimcheck.core.limits import Limits


class ReadError(Exception):
    """The file could not be read; the message says why and what to do."""


def read_bytes(path: str, limits: Limits) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("is a symbolic link: name the file it points to") from None
        if exc.errno == errno.ENOENT:
            raise ReadError("no such file") from None
        if exc.errno == errno.EACCES:
            raise ReadError("permission denied") from None
        raise ReadError(f"cannot open: {os.strerror(exc.errno or 0)}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("is not a regular file (a FIFO, socket or device)")
        if st.st_size > limits.max_file_bytes:
            raise ReadError(f"is {st.st_size:,} bytes, larger than {limits.cap('max_file_bytes')}")
        chunks = []
        remaining = limits.max_file_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limits.max_file_bytes:
            raise ReadError(f"grew past {limits.cap('max_file_bytes')} bytes while it was read")
        return data
    finally:
        os.close(fd)


try:  # hashlib itself would load OpenSSL: a few ms of every cached run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b


def digest(data: bytes) -> str:
    """The content hash every cache key and input state is made of."""
    return blake2b(data, digest_size=32).hexdigest()


def input_state(path: str, limits: Limits) -> str:
    """The hash of a file a result read, or the reason it could not be read."""
    try:
        return digest(read_bytes(path, limits))
    except ReadError as exc:
        return f"unreadable: {exc}"
