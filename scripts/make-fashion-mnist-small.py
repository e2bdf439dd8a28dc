#!/usr/bin/env python3
"""Builds the embedded default dataset `fashion-mnist-small` of dclust.

Reads the four Fashion-MNIST IDX files (as the Debian package dataset-fashion-mnist installs them in
/usr/share/datasets/fashion-mnist), concatenates train (60,000) and t10k (10,000) as the dataset
plugin `fashion-mnist` does, and picks a stratified sample of 3,000 images, 300 per class, with
subsetSeed 0: exactly the samples that

    dclust run --dataset fashion-mnist --set fashion-mnist.n=3000 --set fashion-mnist.subset=stratified \
               --set fashion-mnist.subsetSeed=0

would use. The rule (org.dclust.datasets.SubsetParams) is replayed here, including java.util.Random:
  1. class c gets n * count_c / N samples, rounded by largest remainders (ties: lower class) so they
     sum to n (for Fashion-MNIST every class has 7,000 of the 70,000 samples: exactly 300 each);
  2. one java.util.Random(seed) serves all classes; for each class in increasing label order, the
     indices of its samples (in data order) are shuffled by Fisher-Yates
     (for i = len-1 down to 1: swap(i, nextInt(i + 1))) and the first quota of them are taken;
  3. the selected samples keep their original order.

Writes <out>/fashion-mnist-small-images-idx3-ubyte.gz and -labels-idx1-ubyte.gz (gzip with mtime 0,
so the bytes are reproducible). Fashion-MNIST is Copyright (c) 2017 Zalando SE, MIT licence; see the
README.md next to the output.

Needs python3 and numpy only. Usage:
    scripts/make-fashion-mnist-small.py [--src DIR] [--out DIR] [--n 3000] [--seed 0]
"""

import argparse
import gzip
import hashlib
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, os.pardir, "plugins-datasets", "src", "main", "resources",
                           "org", "dclust", "datasets", "fashion-mnist-small")


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator and its nextInt(bound)."""

    MULT = 0x5DEECE66D
    ADD = 0xB
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULT) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULT + self.ADD) & self.MASK
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= (1 << 31) else r  # Java's (int) cast

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if to_int32(u - r + m) >= 0:
                return r
            u = self.next(31)


def to_int32(v):
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= (1 << 31) else v


def open_idx(path):
    with open(path, "rb") as f:
        head = f.read(2)
    return gzip.open(path, "rb") if head == b"\x1f\x8b" else open(path, "rb")


def read_images(path):
    with open_idx(path) as f:
        data = f.read()
    magic, n, rows, cols = struct.unpack(">IIII", data[:16])
    if magic != 0x803:
        sys.exit(f"{path}: wrong magic number 0x{magic:08X}, expected 0x00000803")
    if len(data) != 16 + n * rows * cols:
        sys.exit(f"{path}: {len(data) - 16} bytes of pixels, the header promises {n * rows * cols}")
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows, cols)


def read_labels(path):
    with open_idx(path) as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    if magic != 0x801:
        sys.exit(f"{path}: wrong magic number 0x{magic:08X}, expected 0x00000801")
    if len(data) != 8 + n:
        sys.exit(f"{path}: {len(data) - 8} labels, the header promises {n}")
    return np.frombuffer(data, dtype=np.uint8, offset=8)


def find(src, prefix, kind):
    for name in (f"{prefix}-{kind}-ubyte.gz", f"{prefix}-{kind}-ubyte"):
        p = os.path.join(src, name)
        if os.path.exists(p):
            return p
    sys.exit(f"{src}: no {prefix}-{kind}-ubyte[.gz]; install them with `apt-get install dataset-fashion-mnist` or pass --src DIR")


def quotas(counts, size, n):
    quota = [n * c // size for c in counts]
    remainder = [n * c % size for c in counts]
    for _ in range(n - sum(quota)):
        best = -1
        for c in range(len(counts)):
            if counts[c] > 0 and (best < 0 or remainder[c] > remainder[best]):
                best = c
        quota[best] += 1
        remainder[best] = -1
    return quota


def stratified(labels, n, seed):
    size = len(labels)
    classes = int(labels.max()) + 1
    counts = [int(c) for c in np.bincount(labels, minlength=classes)]
    quota = quotas(counts, size, n)
    rnd = JavaRandom(seed)
    keep = np.zeros(size, dtype=bool)
    for c in range(classes):
        members = [int(i) for i in np.flatnonzero(labels == c)]
        if not members:
            continue
        for i in range(len(members) - 1, 0, -1):
            j = rnd.next_int(i + 1)
            members[i], members[j] = members[j], members[i]
        keep[members[:quota[c]]] = True
    return np.flatnonzero(keep)


def write_gzip(path, payload):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(payload)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default="/usr/share/datasets/fashion-mnist", help="directory of the Fashion-MNIST IDX files")
    ap.add_argument("--out", default=DEFAULT_OUT, help="directory to write the subset to")
    ap.add_argument("--n", type=int, default=3000, help="samples to keep (default 3000: 300 per class)")
    ap.add_argument("--seed", type=int, default=0, help="subsetSeed (default 0)")
    args = ap.parse_args()

    images = np.concatenate([read_images(find(args.src, p, "images-idx3")) for p in ("train", "t10k")])
    labels = np.concatenate([read_labels(find(args.src, p, "labels-idx1")) for p in ("train", "t10k")])
    if len(images) != len(labels):
        sys.exit(f"{len(images)} images but {len(labels)} labels")
    if not 0 < args.n <= len(labels):
        sys.exit(f"--n must be in 1..{len(labels)}")

    idx = stratified(labels, args.n, args.seed)
    sub_images = images[idx]
    sub_labels = labels[idx]
    n, rows, cols = sub_images.shape

    os.makedirs(args.out, exist_ok=True)
    img_path = os.path.join(args.out, "fashion-mnist-small-images-idx3-ubyte.gz")
    lab_path = os.path.join(args.out, "fashion-mnist-small-labels-idx1-ubyte.gz")
    write_gzip(img_path, struct.pack(">IIII", 0x803, n, rows, cols) + sub_images.tobytes())
    write_gzip(lab_path, struct.pack(">II", 0x801, n) + sub_labels.tobytes())

    print(f"{n} of {len(labels)} samples (seed {args.seed}), per class: {np.bincount(sub_labels).tolist()}")
    print(f"first indices: {idx[:10].tolist()}")
    print(f"sha256 of the selected indices (int32 little-endian): {hashlib.sha256(idx.astype('<i4').tobytes()).hexdigest()}")
    for p in (img_path, lab_path):
        with open(p, "rb") as f:
            print(f"{os.path.normpath(p)}: {os.path.getsize(p)} bytes, sha256 {hashlib.sha256(f.read()).hexdigest()}")


if __name__ == "__main__":
    main()
