#!/usr/bin/env python3
"""Draws the Teams app icons: color.png (192x192, accent background, white star) and outline.png (32x32, white star
on transparency, as Teams requires). Standard library only; run it again after changing the shape or colour."""
import math
import os
import struct
import zlib

ACCENT = (0x5B, 0x2E, 0x91)  # keep in step with accentColor in manifest.json
HERE = os.path.dirname(os.path.abspath(__file__))


def star(cx, cy, outer, inner, points=5):
    pts = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / points
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def inside(x, y, poly):
    hit = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def coverage(size, poly, samples=4):
    """Fraction of each pixel covered by the polygon (supersampled, for smooth edges)."""
    cov = []
    for py in range(size):
        row = []
        for px in range(size):
            n = 0
            for sy in range(samples):
                for sx in range(samples):
                    if inside(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples, poly):
                        n += 1
            row.append(n / (samples * samples))
        cov.append(row)
    return cov


def write_png(path, size, pixel):
    raw = bytearray()
    for y in range(size):
        raw.append(0)  # filter: none
        for x in range(size):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def main():
    size = 192
    cov = coverage(size, star(size / 2, size / 2 + 6, 70, 30))

    def color_pixel(x, y):
        c = cov[y][x]
        return bytes(round(a * (1 - c) + 255 * c) for a in ACCENT) + b"\xff"

    write_png(os.path.join(HERE, "color.png"), size, color_pixel)

    size = 32
    cov = coverage(size, star(size / 2, size / 2 + 1, 14, 6), samples=8)
    write_png(os.path.join(HERE, "outline.png"), size, lambda x, y: b"\xff\xff\xff" + bytes([round(255 * cov[y][x])]))


if __name__ == "__main__":
    main()
