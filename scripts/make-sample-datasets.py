#!/usr/bin/env python3
"""Writes small data sets in every format the dataset plugins of dclust read, for end-to-end trials.

Each data set has a few hundred samples of K classes whose images carry a class-dependent pattern
(a bright bar at a class-specific place, plus noise), so a clustering run has something to find.
The files are written by independent code (numpy, the Python standard library), not by dclust, so
reading them back also cross-checks the readers. Layout under OUT (default ./sample-data):

    mnist/, kmnist/, fashion/   IDX train/t10k pairs (gzip)            --dataset mnist|kmnist, 2mnist
    cifar10/                    data_batch_1..5.bin, test_batch.bin    --dataset cifar10
    cifar100/                   train.bin, test.bin                    --dataset cifar100-20
    stl10/                      train_X.bin ... test_y.bin             --dataset stl10
    usps/                       usps.bz2, usps.t.bz2 (LIBSVM)          --dataset usps
    images/                     CLASS/IMAGE.png                        --dataset image-folder
    bloodmnist.npz, vesselmnist3d.npz                                  --dataset medmnist
    features.csv, features.npy + features-labels.txt, features.npz     --dataset features

Needs python3 and numpy only. Usage: scripts/make-sample-datasets.py [--out DIR] [--seed 0]
"""

import argparse
import bz2
import gzip
import os
import struct
import zlib

import numpy as np


def pattern(rng, n, classes, shape, channels_last=False):
    """n uint8 images of `shape` (H, W) or (D, H, W), labels 0..classes-1; class c lights band c."""
    labels = np.arange(n) % classes
    rng.shuffle(labels)
    imgs = rng.integers(0, 60, size=(n,) + shape).astype(np.float64)
    h = shape[-2]
    band = max(1, h // classes)
    for i, c in enumerate(labels):
        lo = (c * h) // classes
        imgs[i, ..., lo:lo + band, :] += 180
    imgs = np.clip(imgs, 0, 255).astype(np.uint8)
    return imgs, labels.astype(np.uint8)


def rgb(rng, n, classes, side):
    """n colour images (n, 3, side, side) whose band and dominant channel depend on the class."""
    grey, labels = pattern(rng, n, classes, (side, side))
    out = np.stack([grey, grey // 2, grey // 3], axis=1)
    for i, c in enumerate(labels):
        out[i] = np.roll(out[i], c % 3, axis=0)
    return out, labels


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def idx_pair(d, prefix, imgs, labels):
    n, h, w = imgs.shape
    write(f"{d}/{prefix}-images-idx3-ubyte.gz",
          gzip.compress(struct.pack(">IIII", 0x803, n, h, w) + imgs.tobytes(), mtime=0))
    write(f"{d}/{prefix}-labels-idx1-ubyte.gz",
          gzip.compress(struct.pack(">II", 0x801, n) + labels.tobytes(), mtime=0))


def png(path, img):
    """A grey (H, W) or RGB (H, W, 3) uint8 image as PNG."""
    h, w = img.shape[:2]
    colour = img.ndim == 3
    raw = b"".join(b"\x00" + img[y].tobytes() for y in range(h))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2 if colour else 0, 0, 0, 0)
    write(path, b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="sample-data")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    out = a.out
    rng = np.random.default_rng(a.seed)

    for name in ("mnist", "kmnist", "fashion"):
        imgs, labels = pattern(rng, 500, 10, (28, 28))
        idx_pair(f"{out}/{name}", "train", imgs[:400], labels[:400])
        idx_pair(f"{out}/{name}", "t10k", imgs[400:], labels[400:])

    imgs, labels = rgb(rng, 600, 10, 32)
    for b in range(6):
        part = slice(b * 100, (b + 1) * 100)
        recs = np.concatenate([labels[part, None], imgs[part].reshape(100, -1)], axis=1).astype(np.uint8)
        write(f"{out}/cifar10/" + (f"data_batch_{b + 1}.bin" if b < 5 else "test_batch.bin"), recs.tobytes())

    imgs, coarse = rgb(rng, 600, 20, 32)
    fine = (coarse.astype(np.int64) * 5 + rng.integers(0, 5, 600)).astype(np.uint8)
    recs = np.concatenate([coarse[:, None], fine[:, None], imgs.reshape(600, -1)], axis=1).astype(np.uint8)
    write(f"{out}/cifar100/train.bin", recs[:500].tobytes())
    write(f"{out}/cifar100/test.bin", recs[500:].tobytes())

    imgs, labels = rgb(rng, 130, 10, 96)
    colmajor = imgs.transpose(0, 1, 3, 2)  # STL-10 stores each channel column by column
    write(f"{out}/stl10/train_X.bin", np.ascontiguousarray(colmajor[:50]).tobytes())
    write(f"{out}/stl10/train_y.bin", (labels[:50] + 1).tobytes())
    write(f"{out}/stl10/test_X.bin", np.ascontiguousarray(colmajor[50:]).tobytes())
    write(f"{out}/stl10/test_y.bin", (labels[50:] + 1).tobytes())

    imgs, labels = pattern(rng, 400, 10, (16, 16))
    scaled = imgs.reshape(400, -1) / 127.5 - 1
    for name, part in (("usps", slice(0, 300)), ("usps.t", slice(300, 400))):
        lines = []
        for x, y in zip(scaled[part], labels[part]):
            lines.append(f"{y + 1} " + " ".join(f"{j + 1}:{v:.6g}" for j, v in enumerate(x) if v != 0))
        write(f"{out}/usps/{name}.bz2", bz2.compress(("\n".join(lines) + "\n").encode()))

    imgs, labels = rgb(rng, 120, 3, 40)
    for i, (img, c) in enumerate(zip(imgs, labels)):
        png(f"{out}/images/class{c}/img{i:03d}.png", img.transpose(1, 2, 0))

    imgs, labels = rgb(rng, 400, 8, 28)
    hwc = imgs.transpose(0, 2, 3, 1)
    np.savez_compressed(f"{out}/bloodmnist.npz", train_images=hwc[:300], train_labels=labels[:300, None],
                        val_images=hwc[300:350], val_labels=labels[300:350, None],
                        test_images=hwc[350:], test_labels=labels[350:, None])
    vol, labels = pattern(rng, 200, 2, (28, 28, 28))
    np.savez(f"{out}/vesselmnist3d.npz", train_images=vol[:150], train_labels=labels[:150, None],
             val_images=vol[150:170], val_labels=labels[150:170, None],
             test_images=vol[170:], test_labels=labels[170:, None])

    centres = rng.normal(0, 4, size=(5, 32))
    y = np.arange(1000) % 5
    x = (centres[y] + rng.normal(0, 1, size=(1000, 32))).astype(np.float32)
    names = ["cat", "dog", "fox", "owl", "yak"]
    with open(f"{out}/features.csv", "w") as f:
        f.write(",".join(f"f{j}" for j in range(32)) + ",species\n")
        for row, c in zip(x, y):
            f.write(",".join(f"{v:.6g}" for v in row) + f",{names[c]}\n")
    np.save(f"{out}/features.npy", x)
    with open(f"{out}/features-labels.txt", "w") as f:
        f.write("\n".join(str(c) for c in y) + "\n")
    np.savez(f"{out}/features.npz", x=x.astype(np.float64), y=y.astype(np.int64))
    print(f"wrote sample data sets to {out}")


if __name__ == "__main__":
    main()
