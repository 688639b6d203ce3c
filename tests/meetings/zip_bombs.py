"""Zip files that inflate far beyond their size, and a measure of what reading them costs.

Built in blocks, so making a 200 MB bomb never holds 200 MB in the test either.
"""

import io
import tracemalloc
import zipfile

MB = 1024 * 1024


def zip_of(parts: dict[str, bytes], huge: dict[str, tuple[bytes, int]]) -> bytes:
    """A zip of small `parts` and, per name in `huge`, its head then that many MB of spaces."""
    out = io.BytesIO()
    block = b" " * MB
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        for name, (head, megabytes) in huge.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                member.write(head)
                for _ in range(megabytes):
                    member.write(block)
    return out.getvalue()


def lying_about_its_size(data: bytes, name: str, declared: int) -> bytes:
    """The zip with `name`'s uncompressed size in the central directory set to `declared`."""
    data = bytearray(data)
    encoded = name.encode()
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == encoded:
            data[start + 24 : start + 28] = declared.to_bytes(4, "little")
            return bytes(data)
        start += 4
    raise ValueError(name)


def peak_memory(action):
    """What `action()` returns or raises, and the most memory Python held meanwhile (bytes)."""
    tracemalloc.start()
    try:
        try:
            outcome = action()
        except Exception as error:  # the refusal is the outcome the tests look at
            outcome = error
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return outcome, peak


def inflated(document: bytes, name: str, megabytes: int) -> bytes:
    """A real document whose part `name` keeps its content and then runs on for megabytes."""
    with zipfile.ZipFile(io.BytesIO(document)) as original:
        parts = {part: original.read(part) for part in original.namelist()}
    head = parts.pop(name)
    return zip_of(parts, {name: (head, megabytes)})
