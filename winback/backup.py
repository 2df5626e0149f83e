"""Backups protected by a password: the export zip with every file in it encrypted with AES-256.

The zip is WinZip's AES format (AE-2), written by pyzipper, which 7-Zip, WinZip and The Unarchiver open. Each
member's contents are encrypted and authenticated (an HMAC over them); the names and sizes of the files in the
zip are not, as in every zip. A forgotten password cannot be recovered by anyone, winback included.

Reading such a zip back is ``winback.imports.unzip``'s work, under the same limits as any upload; this module
gives it each member's AES details and decrypts a member's packed bytes once the password and the HMAC check.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import pyzipper
from pyzipper.zipfile_aes import AESZipDecrypter, AESZipInfo

PASSWORD_MIN: Final = 8
PASSWORD_MAX: Final = 128

# WinZip's AES: method 99 in the headers, the real one in an extra field (0x9901) with the key's strength.
AES_METHOD: Final = 99
_AES_EXTRA: Final = 0x9901
_AES_EXTRA_BYTES: Final = 7
_SALT_BYTES: Final = {1: 8, 2: 12, 3: 16}
_VERIFIER_BYTES: Final = 2
_HMAC_BYTES: Final = 10

NO_PASSWORD: Final = "is protected by a password: type the export's password to open it"
WRONG_PASSWORD: Final = "does not open with this password"
# An HMAC that does not match: the bytes were changed after the zip was made (or, once in 65,536 wrong
# passwords, a wrong one passed the two-byte check).
NOT_AUTHENTIC: Final = "is damaged or was changed after the export was made, or the password is wrong"


CONTROL_CHARACTER: Final = (
    "A password cannot hold control characters (a tab, an escape or another character that is not seen on "
    "screen); letters, digits, punctuation and ordinary spaces are fine."
)


def normal(password: str) -> str:
    """The password as winback uses it, in Unicode's NFC form: an "é" typed as one character or as "e" and an
    accent is the same password, on export and on import."""
    return unicodedata.normalize("NFC", password)


def _control(character: str) -> bool:
    # C0 (NUL, ESC, tab, newline…), DEL and C1: Unicode's category Cc. An ordinary space is category Zs.
    return unicodedata.category(character) == "Cc"


def password_problem(password: str, again: str) -> str | None:
    """Why these two typings cannot protect an export; None when they can. Both are compared, and the length
    counted, once normalised (``normal``)."""
    password, again = normal(password), normal(again)
    if not password:
        return f"Type a password of at least {PASSWORD_MIN} characters, then type it again."
    if len(password) < PASSWORD_MIN:
        return f"Use at least {PASSWORD_MIN} characters (this one has {len(password)})."
    if len(password) > PASSWORD_MAX:
        return f"Use at most {PASSWORD_MAX} characters."
    if any(_control(c) for c in password):
        return CONTROL_CHARACTER
    if password != again:
        return "The two passwords are not the same: type the same one twice."
    return None


def _key(password: str) -> bytes:
    # Every use of a password (the export, an import's check and decrypting) goes through here, so both sides
    # normalise alike.
    return normal(password).encode("utf-8")


def aes_zip(files: Mapping[str, bytes], password: str) -> bytes:
    """``files`` in one zip, each encrypted with AES-256 under ``password`` (packed with Deflate first)."""
    if not PASSWORD_MIN <= len(normal(password)) <= PASSWORD_MAX or any(_control(c) for c in password):
        raise ValueError(f"a backup's password has {PASSWORD_MIN} to {PASSWORD_MAX} characters, none a control one")
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(
        buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES, encryption_kwargs={"nbits": 256}
    ) as archive:
        archive.setpassword(_key(password))
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@dataclass(frozen=True)
class AesMember:
    """What a member's AES extra field says: the format's version (1 also keeps a CRC-32), the key's strength
    (3: 256 bits) and the method the contents were packed with before they were encrypted."""

    version: int
    strength: int
    method: int

    @property
    def header_bytes(self) -> int:
        """The salt and password check that come before the encrypted bytes."""
        return _SALT_BYTES[self.strength] + _VERIFIER_BYTES

    @property
    def overhead(self) -> int:
        """Bytes of a packed member that are not encrypted contents: the header, and the HMAC after them."""
        return self.header_bytes + _HMAC_BYTES


def aes_member(info: zipfile.ZipInfo) -> AesMember | None:
    """The member's AES details, or None when it is not encrypted with WinZip's AES (or its extra field is
    not one winback can use)."""
    if info.compress_type != AES_METHOD or not info.flag_bits & 0x1:
        return None
    extra, at = info.extra, 0
    while at + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + size]
        if kind == _AES_EXTRA and size == _AES_EXTRA_BYTES and len(body) == size:
            version, vendor, strength, method = struct.unpack("<H2sBH", body)
            if vendor == b"AE" and version in (1, 2) and strength in _SALT_BYTES:
                return AesMember(version, strength, method)
            return None
        at += 4 + size
    return None


def _decrypter(info: zipfile.ZipInfo, member: AesMember, packed: memoryview, password: str) -> AESZipDecrypter | None:
    """pyzipper's decrypter for this member, or None when the password's two-byte check fails."""
    named = AESZipInfo(info.filename)
    named.wz_aes_strength = member.strength
    try:
        return AESZipDecrypter(named, _key(password), bytes(packed[: member.header_bytes]))
    except RuntimeError:  # pyzipper's word for a password whose check bytes do not match
        return None


def opens(info: zipfile.ZipInfo, member: AesMember, packed: memoryview, password: str) -> bool:
    """True when ``password`` passes this member's password check (nothing is decrypted)."""
    return len(packed) >= member.overhead and _decrypter(info, member, packed, password) is not None


def decrypt(info: zipfile.ZipInfo, member: AesMember, packed: memoryview, password: str) -> bytes | str:
    """The member's packed bytes (still compressed) once the password and the HMAC over them check; or why not.

    ``packed`` is all the member's bytes after its local header (``compress_size`` of them), so it is never
    more than the upload itself.
    """
    if len(packed) < member.overhead:
        return NOT_AUTHENTIC
    decrypter = _decrypter(info, member, packed, password)
    if decrypter is None:
        return WRONG_PASSWORD
    contents = decrypter.decrypt(bytes(packed[member.header_bytes : len(packed) - _HMAC_BYTES]))
    try:
        decrypter.check_hmac(bytes(packed[len(packed) - _HMAC_BYTES :]))
    except pyzipper.BadZipFile:
        return NOT_AUTHENTIC
    return bytes(contents)
