"""Read a zip file someone else made without letting it decide how much we inflate.

A zip member declares its uncompressed size, but the declaration is the maker's word,
and deflate packs 200 MB of zeros into 200 KB. So every reader of an uploaded zip
(Office detection, the survey XLSX import, the handover archive) goes through here:
the central directory is checked first (entry count, declared sizes, compression
ratio), then a member is read only in blocks, counting the bytes that actually come
out and stopping at a hard cap. No member is ever `read()` whole by zipfile.

Lives in meetings/ next to filetypes.py, which owns the checking of uploads; the
survey importer and the archive import it from here.
"""

import lzma
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

BLOCK = 64 * 1024
# Small members may compress as well as they like: a short, repetitive XML part
# legitimately packs 50 times, and its size cannot hurt anyone.
RATIO_FLOOR = 1024 * 1024
UNREADABLE = (
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
)


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int
    max_member_bytes: int  # uncompressed, declared and actual, per member
    max_total_bytes: int  # uncompressed, all members together
    max_ratio: int | None  # uncompressed over compressed size, for members over RATIO_FLOOR


# Office documents up to the 20 MB upload limit: pictures hardly compress and the XML
# parts pack 5–20 times, so these leave room for any real document.
OFFICE_LIMITS = ZipLimits(
    max_entries=10_000,
    max_member_bytes=200 * 1024 * 1024,
    max_total_bytes=500 * 1024 * 1024,
    max_ratio=200,
)


class ZipTooLarge(Exception):
    """The zip exceeds a limit; str() is the message for the user, in the active language."""


class BoundedZip:
    """A zipfile.ZipFile whose directory passed the limits and whose members are read capped.

    Raises zipfile.BadZipFile (or OSError) for a file that is no readable zip, and
    ZipTooLarge for one that exceeds the limits.
    """

    def __init__(self, file, limits: ZipLimits):
        self.limits = limits
        self.zip = zipfile.ZipFile(file)
        try:
            self._check_directory()
        except BaseException:
            self.zip.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.zip.close()

    def namelist(self) -> list[str]:
        return self.zip.namelist()

    def _check_directory(self):
        limits = self.limits
        infos = self.zip.infolist()
        if len(infos) > limits.max_entries:
            raise ZipTooLarge(
                _("The zip file holds %(count)s parts; at most %(max)s are accepted.")
                % {"count": len(infos), "max": limits.max_entries}
            )
        total = 0
        for info in infos:
            if (
                limits.max_ratio is not None
                and info.file_size > RATIO_FLOOR
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)
            ):
                raise ZipTooLarge(
                    _(
                        "The part %(name)s of the zip file is packed %(ratio)s times; at most "
                        "%(max)s times is accepted. The file may be a zip bomb."
                    )
                    % {
                        "name": info.filename[:100],
                        "ratio": info.file_size // max(info.compress_size, 1),
                        "max": limits.max_ratio,
                    }
                )
            if info.file_size > limits.max_member_bytes:
                raise ZipTooLarge(self._too_large(info.filename, limits.max_member_bytes))
            total += info.file_size
            if total > limits.max_total_bytes:
                raise ZipTooLarge(self._too_large(None, limits.max_total_bytes))

    @staticmethod
    def _too_large(name, limit) -> str:
        if name is None:
            return _("The zip file unpacks to more than %(max)s; it is refused.") % {
                "max": filesizeformat(limit)
            }
        return _("The part %(name)s of the zip file unpacks to more than %(max)s.") % {
            "name": name[:100],
            "max": filesizeformat(limit),
        }

    def blocks(self, name: str, limit: int | None = None) -> Iterator[bytes]:
        """The member's bytes in blocks; ZipTooLarge as soon as more than `limit` come out.

        `limit` defaults to the member cap; the declared size is a cap as well (zipfile
        stops there and a longer stream fails its CRC as BadZipFile).
        """
        cap = self.limits.max_member_bytes if limit is None else limit
        produced = 0
        try:
            with self.zip.open(name) as member:
                while block := member.read(BLOCK):
                    produced += len(block)
                    if produced > cap:
                        raise ZipTooLarge(self._too_large(name, cap))
                    yield block
        except UNREADABLE as error:
            # A broken deflate stream, an encrypted member or an unknown method: all
            # the same to the caller, a zip that cannot be read.
            raise zipfile.BadZipFile(f"{name}: {error}") from error

    def read(self, name: str, limit: int) -> bytes:
        """A small member whole, at most `limit` bytes (refused beyond)."""
        return b"".join(self.blocks(name, limit))

    def check_every_member(self) -> None:
        """Inflate every member once, in blocks, against the caps and the CRCs.

        For a zip handed on to a library that reads members whole (openpyxl): after this,
        what it inflates is known to be within the limits.
        """
        total = 0
        for info in self.zip.infolist():
            for block in self.blocks(info.filename):
                total += len(block)
                if total > self.limits.max_total_bytes:
                    raise ZipTooLarge(self._too_large(None, self.limits.max_total_bytes))
