#!/usr/bin/env python3
"""Writes the request bodies of throughput.sh (Python 3 standard library only): the first N MNIST test images,
each as a JSON body {"pixels": [784 grey levels]} in OUT/json/<i> and as a 280x280 canvas-like PNG (black ink
whose alpha is the grey level, on a transparent background, each MNIST pixel drawn as a 10x10 square) in
OUT/png/<i>. The wrk scripts cycle through them, so the server sees real, varied digits.

    python3 src/bench/throughput_bodies.py --out /tmp/digits-bench --count 500 [--mnist data/mnist]
"""
import argparse
import json
import os

from benchload import png

SIDE, SCALE = 28, 10


def test_images(mnist, count):
    with open(os.path.join(mnist, "t10k-images-idx3-ubyte"), "rb") as images:
        images.read(16)
        for _ in range(count):
            yield images.read(SIDE * SIDE)


def canvas_png(pixels):
    rows = []
    for y in range(SIDE * SCALE):
        source = pixels[(y // SCALE) * SIDE:(y // SCALE + 1) * SIDE]
        rows.append(b"".join(bytes((0, 0, 0, value)) * SCALE for value in source))
    return png(SIDE * SCALE, SIDE * SCALE, rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--mnist", default="data/mnist")
    args = parser.parse_args()
    for kind in ("json", "png"):
        os.makedirs(os.path.join(args.out, kind), exist_ok=True)
    for i, pixels in enumerate(test_images(args.mnist, args.count)):
        with open(os.path.join(args.out, "json", str(i)), "w") as body:
            json.dump({"pixels": list(pixels)}, body, separators=(",", ":"))
        with open(os.path.join(args.out, "png", str(i)), "wb") as body:
            body.write(canvas_png(pixels))


if __name__ == "__main__":
    main()
