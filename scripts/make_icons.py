"""Draw the site's own icon (three bars: the steps of care, shortest at the top) as PNG and ICO,
with the standard library only. Run once; the files live in static/root/ and WhiteNoise serves
them at /favicon.ico and /apple-touch-icon.png.

    python3 scripts/make_icons.py
"""
import struct
import zlib
from pathlib import Path

BLUE, WHITE = (11, 83, 148), (255, 255, 255)
ROOT = Path(__file__).resolve().parent.parent / "static" / "root"


def pixel(x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y) in a unit square: white bars on blue."""
    for top, left in ((0.22, 0.42), (0.44, 0.30), (0.66, 0.18)):
        if top <= y < top + 0.14 and left <= x < 0.82:
            return WHITE
    return BLUE


def png(size: int) -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel((x + 0.5) / size, (y + 0.5) / size)) for x in range(size)) for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def ico(image: bytes, size: int) -> bytes:
    """An ICO holding one PNG image (supported by every current browser)."""
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + image


if __name__ == "__main__":
    ROOT.mkdir(parents=True, exist_ok=True)
    (ROOT / "favicon.ico").write_bytes(ico(png(32), 32))
    (ROOT / "apple-touch-icon.png").write_bytes(png(180))
    print(f"wrote {ROOT / 'favicon.ico'} and {ROOT / 'apple-touch-icon.png'}")
