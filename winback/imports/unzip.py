"""Opening an uploaded zip without trusting it: a 20 MB zip can unpack to gigabytes, and a zip says what it
holds before anything is unpacked.

``too_many_members`` reads the count from the zip's end record, before Python's zipfile reads the whole
directory (which for hundreds of thousands of entries takes seconds and a lot of memory). ``size_problems``
checks the sizes the members declare, all of them, before any member is unpacked: their total, and how
tightly each is packed. What a zip declares can lie, so ``unpack`` then unpacks a member itself, a piece at
a time: it stops at one byte past the declared size, and as soon as the output outgrows the packed bytes
actually used by more than ``MAX_RATIO`` (a bomb padded with junk to look loosely packed), and checks the
CRC-32 at the end. A member encrypted with a password (``winback.backup``) goes through the same checks: its
declared sizes before anything is decrypted, then its HMAC, then the same capped unpacking of what it decrypts to;
and once one file of a zip is encrypted, every file must be (``partly_protected``).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Sequence
from typing import Final

from winback import backup
from winback.imports.plan import EXPORT_FILES, MEGABYTE, ImportProblem, megabytes

MAX_ZIP_MEMBERS = 100
# Unpacking, decoding and parsing take about 12 times the unpacked size in memory, so this limit is what keeps
# a zip packed just under MAX_RATIO from taking gigabytes. A century of sample data unpacks to 3.3 MB and a
# century with a 1,000-character note every day to under 40 MB, so no real export comes near it; a bomb of
# any use to an attacker is over it.
MAX_UNPACKED_BYTES = 40 * MEGABYTE
# winback's exports pack 4 to 12 times (a century of sample data: 10.6; a log of the same short note every
# day: 23), so a member packed over 100 times is repeated text, which is what a zip bomb is. Below a megabyte
# a member cannot hurt and a tiny file may pack tightly, so its ratio is not looked at.
MAX_RATIO = 100
RATIO_FROM_BYTES = MEGABYTE

# Pieces small enough that a bomb is stopped within a few of them.
PIECE_BYTES: Final = 256 * 1024
DAMAGED: Final = "is damaged and cannot be read"

_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_BYTES = 30
_END_RECORD = b"PK\x05\x06"
_END_RECORD_BYTES = 22
_LONGEST_COMMENT = 65535
_DIRECTORY_ENTRY = b"PK\x01\x02"


def declared_members(data: bytes) -> int | None:
    """How many files the zip's end record says it holds; None when there is no end record (zipfile will find
    the zip damaged). A Zip64 zip may keep its count elsewhere, so then the directory's entries are counted."""
    at = data.rfind(_END_RECORD, max(0, len(data) - _END_RECORD_BYTES - _LONGEST_COMMENT))
    if at < 0 or at + _END_RECORD_BYTES > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, at + 10)
    if count == 0xFFFF:
        return data.count(_DIRECTORY_ENTRY)
    return int(count)


def too_many_members(data: bytes) -> str | None:
    """Why the zip holds too many files to be an export, read before zipfile reads its directory; or None."""
    count = declared_members(data)
    if count is None or count <= MAX_ZIP_MEMBERS:
        return None
    return f"the zip holds {count:,} files; a winback export holds {len(EXPORT_FILES)}"


def size_problems(infos: Sequence[zipfile.ZipInfo], packed_bytes: int) -> list[ImportProblem]:
    """What the members to be read declare, checked before any of them is unpacked."""
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // MEGABYTE
        return [ImportProblem(0, f"the zip unpacks to {megabytes(total)} MB; the limit is {limit} MB")]
    if sum(info.compress_size for info in infos) > packed_bytes:
        # Packed sizes larger than the zip itself would make a tightly packed member look loosely packed.
        return [ImportProblem(0, "the zip file is damaged and cannot be opened")]
    return [
        ImportProblem(
            0,
            f"unpacks to {megabytes(info.file_size)} MB from {megabytes(info.compress_size)} MB, more than "
            f"{MAX_RATIO} times its packed size; a winback export never packs that tightly, so it was not unpacked",
            info.filename,
        )
        for info in infos
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * info.compress_size
    ]


def unpack(data: bytes, info: zipfile.ZipInfo, password: str | None = None) -> bytes | str:
    """The member's bytes, or why it cannot be read (damaged, packed in a way winback does not unpack, a bomb, or
    encrypted and ``password`` is missing or wrong)."""
    packed = _packed(data, info)
    if packed is None:
        return DAMAGED
    method, crc_kept = info.compress_type, True
    aes = backup.aes_member(info)
    if aes is not None:
        if password is None:
            return backup.NO_PASSWORD
        decrypted = backup.decrypt(info, aes, packed, password)
        if isinstance(decrypted, str):
            return decrypted
        # AES's second version keeps no CRC-32 (it would hint at short contents): the HMAC checked them instead.
        packed, method, crc_kept = memoryview(decrypted), aes.method, aes.version == 1 or info.CRC != 0
    if method == zipfile.ZIP_STORED:
        content = bytes(packed)
    elif method == zipfile.ZIP_DEFLATED:
        inflated = _inflate(packed, info)
        if isinstance(inflated, str):
            return inflated
        content = inflated
    else:
        return "is packed in a way winback does not unpack; zip the export again with the usual (Deflate) method"
    if len(content) != info.file_size or (crc_kept and zlib.crc32(content) != info.CRC):
        return DAMAGED
    return content


def partly_protected(infos: Sequence[zipfile.ZipInfo]) -> bool:
    """True when some of the zip's files are encrypted with AES and others are not. An export made with a password
    has every file encrypted, so a plain one beside them was put there later: its contents have no HMAC and the
    password vouches for nothing in it. Folders hold no contents and are not counted."""
    kinds = {backup.aes_member(info) is not None for info in infos if not info.is_dir()}
    return kinds == {True, False}


def password_opens(data: bytes, info: zipfile.ZipInfo, password: str) -> bool:
    """True when the member is not encrypted, or ``password`` passes its password check (nothing is unpacked)."""
    aes = backup.aes_member(info)
    if aes is None:
        return True
    packed = _packed(data, info)
    return packed is not None and backup.opens(info, aes, packed, password)


def _packed(data: bytes, info: zipfile.ZipInfo) -> memoryview | None:
    """The member's packed bytes as the zip declares them; None when they are not where it says."""
    start = _data_start(data, info)
    if start is None or start + info.compress_size > len(data):
        return None
    return memoryview(data)[start : start + info.compress_size]


def _data_start(data: bytes, info: zipfile.ZipInfo) -> int | None:
    """Where the member's packed bytes begin, after its local header; None when there is no header there."""
    at = info.header_offset
    if data[at : at + 4] != _LOCAL_HEADER or at + _LOCAL_HEADER_BYTES > len(data):
        return None
    name_length, extra_length = struct.unpack_from("<HH", data, at + 26)
    return int(at + _LOCAL_HEADER_BYTES + name_length + extra_length)


def _inflate(packed: memoryview, info: zipfile.ZipInfo) -> bytes | str:
    """Deflate's output a piece at a time, never more than one byte past the declared size, and stopped as soon
    as it outgrows the packed bytes used so far by more than ``MAX_RATIO``."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    fed = 0
    pending: bytes = b""
    try:
        while not inflater.eof:
            if not pending:
                if fed >= len(packed):
                    return DAMAGED
                pending = bytes(packed[fed : fed + PIECE_BYTES])
                fed += len(pending)
            out += inflater.decompress(pending, PIECE_BYTES)
            pending = inflater.unconsumed_tail
            used = fed - len(pending)
            if len(out) > info.file_size:
                return DAMAGED
            if len(out) > RATIO_FROM_BYTES and len(out) > MAX_RATIO * used:
                return (
                    f"unpacks to more than {MAX_RATIO} times the {megabytes(used)} MB it packs in; a winback export "
                    "never packs that tightly, so it was not unpacked"
                )
    except zlib.error:
        return DAMAGED
    return bytes(out)
