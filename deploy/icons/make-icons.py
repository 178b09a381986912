#!/usr/bin/env python3
"""Draws MeetingRoom's home-screen icons (issue 25) as PNG with the standard library only (zlib), so a fresh machine needs
nothing to redraw them: python3 deploy/icons/make-icons.py MeetingRoom.Web/wwwroot/icons

The icon: a door (the room) with its handle, under a calendar's top bar, white on the theme's primary colour (#3b38c4,
Components/UiTheme.cs). "any" icons have rounded corners on a transparent ground; the "maskable" one fills its square and keeps
the drawing inside the central 80 % safe zone (W3C Web App Manifest, "maskable" purpose)."""
import struct, sys, zlib, os

PRIMARY = (0x3B, 0x38, 0xC4, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)

def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def inside_rounded(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x < x1 and y0 <= y < y1): return False
    cx = min(max(x, x0 + r), x1 - r - 1); cy = min(max(y, y0 + r), y1 - r - 1)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def icon(size, maskable):
    s = size / 100.0  # drawing in a 100 × 100 box
    scale = 0.8 if maskable else 1.0  # maskable: the drawing stays in the central 80 %
    def box(v): return 50 + (v - 50) * scale
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            u, v = x / s, y / s
            ground = True if maskable else inside_rounded(u, v, 0, 0, 100, 100, 22)
            if not ground: row.append(CLEAR); continue
            px = PRIMARY
            # calendar bar with two rings, then the door frame, the door's panel (primary) and its handle
            if inside_rounded(u, v, box(24), box(18), box(76), box(30), 3 * scale): px = WHITE
            for ring in (36, 64):
                if inside_rounded(u, v, box(ring - 3), box(12), box(ring + 3), box(24), 2 * scale): px = WHITE
            if inside_rounded(u, v, box(30), box(34), box(70), box(88), 3 * scale): px = WHITE
            if inside_rounded(u, v, box(36), box(40), box(64), box(88), 2 * scale): px = PRIMARY
            if (u - box(58)) ** 2 + (v - box(64)) ** 2 <= (3.2 * scale) ** 2: px = WHITE
            row.append(px)
        rows.append(row)
    return rows

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
for size in (192, 512):
    png(os.path.join(out, f"icon-{size}.png"), size, icon(size, False))
png(os.path.join(out, "icon-maskable-512.png"), 512, icon(512, True))
