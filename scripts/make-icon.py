#!/usr/bin/env python3
"""Draws the app icon from the bundled font: a green rounded square with 医保 in white (and 保
alone at 16-32 px, where two characters would be a blur). Writes assets/icon/yibao-512.png (the
Linux hicolor icon), assets/icon/yibao-128.png (the window's icon: small, quick to decode at
start-up) and assets/icon/yibao.ico (16-256 px, the Windows resource). Needs Pillow (pip install pillow); the outputs are committed, so building never
needs it.
"""
import os
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = os.path.join(ROOT, "assets/fonts/NotoSansSC-Regular.otf")
OUT = os.path.join(ROOT, "assets/icon")
GREEN = (22, 122, 88, 255)


def draw(size, text):
    # Draw large and scale down: smoother edges at every size.
    big = 1024
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big // 16
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 5, fill=GREEN)
    font_size = int(big * (0.36 if len(text) == 2 else 0.62))
    font = ImageFont.truetype(FONT, font_size)
    # Thicken the regular face a little: legible on a small icon.
    stroke = max(1, font_size // 40)
    box = pen.textbbox((0, 0), text, font=font, stroke_width=stroke)
    x = (big - (box[2] - box[0])) / 2 - box[0]
    y = (big - (box[3] - box[1])) / 2 - box[1]
    pen.text((x, y), text, font=font, fill="white", stroke_width=stroke, stroke_fill="white")
    return image.resize((size, size), Image.LANCZOS)


def main():
    os.makedirs(OUT, exist_ok=True)
    draw(512, "医保").save(os.path.join(OUT, "yibao-512.png"), optimize=True)
    draw(128, "医保").save(os.path.join(OUT, "yibao-128.png"), optimize=True)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    frames = [draw(s, "保" if s <= 32 else "医保") for s in sizes]
    frames[-1].save(os.path.join(OUT, "yibao.ico"), sizes=[(s, s) for s in sizes],
                    append_images=frames[:-1])


if __name__ == "__main__":
    main()
