"""Training data: the MNIST images shipped with the app, or a user's own ``.npz`` file.

A data file is a NumPy ``.npz`` archive holding either ``x_train``, ``y_train``,
``x_test`` and ``y_test``, or just ``x`` and ``y`` (then, in file order, every fifth
sample is held out, as ``resources/make_mnist.py`` does within each digit). ``x`` is
samples x features (images of any shape are flattened); ``y`` holds one whole-number
class label per sample, 0 to classes - 1. uint8 pixels are scaled to [0, 1] by 1/255,
as the book does with MNIST; any other numbers are used as they are. Every way a file
can be wrong raises ``DataError`` with one line naming what is wrong and what is
allowed; only regular files of bounded size are read, and no pickled object ever is.
"""

from __future__ import annotations

import functools
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..resources import resource_path
from .parameters import ConfigError

#: The data sets that ship with the app: name -> file under resources/.
BUILTIN = {"mnist": "data/mnist_5k.npz"}
#: Largest file read, and largest total of its arrays once decompressed.
MAX_FILE_BYTES = 512 * 2**20
MAX_ARRAY_BYTES = 400 * 2**20
#: Most numbers (samples x features) a data set may hold: 400 MB as float64.
MAX_VALUES = 50_000_000
MAX_FEATURES = 100_000
MAX_CLASSES = 1000
#: Every HELD_OUT-th sample of an ``x``/``y`` file is held out.
HELD_OUT = 5
SPLIT_KEYS = ("x_train", "y_train", "x_test", "y_test")


class DataError(ConfigError):
    """A data file cannot be used; the message is one line naming the problem."""


@dataclass(frozen=True)
class Dataset:
    """Training and held-out samples as read-only float64 arrays, and their labels (int64).

    ``pixels_train``: the training samples as the file's uint8 pixels (x_train = pixels / 255),
    or None for other numbers; a trainer gathers its minibatches from these, a quarter of the bytes.
    """

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    classes: int
    pixels_train: np.ndarray | None = None

    @property
    def features(self) -> int:
        return self.x_train.shape[1]


def data_path(spec: str) -> Path:
    """The file behind ``spec``: a built-in name ("mnist") or a path."""
    if spec in BUILTIN:
        return resource_path(BUILTIN[spec])
    return Path(spec).expanduser()


def load_dataset(spec: str) -> Dataset:
    """The data set ``spec`` names ("mnist" or a ``.npz`` path); DataError if it cannot be used.

    A file read before is not read again while its size and modification time stay the same.
    """
    path = data_path(spec)
    try:
        info = path.stat()
    except OSError as exc:
        raise DataError(f"data file {spec!r} cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DataError(f"data {spec!r} is not a regular file; give a .npz file or one of: {', '.join(BUILTIN)}")
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(f"data file {spec!r} is {info.st_size / 2**20:.0f} MB; at most "
                        f"{MAX_FILE_BYTES // 2**20} MB is allowed")
    name = spec if spec in BUILTIN else path.name
    return _load(str(path.resolve()), info.st_size, info.st_mtime_ns, name)


@functools.lru_cache(maxsize=4)
def _load(path: str, size: int, mtime_ns: int, name: str) -> Dataset:
    arrays = _read_npz(path, name)
    if set(SPLIT_KEYS) <= set(arrays):
        x_train, y_train, pixels = _pair(arrays["x_train"], arrays["y_train"], name, "x_train", "y_train")
        x_test, y_test, _ = _pair(arrays["x_test"], arrays["y_test"], name, "x_test", "y_test")
        if x_test.shape[1] != x_train.shape[1]:
            raise DataError(f"{name}: x_test has {x_test.shape[1]} features, x_train {x_train.shape[1]}; "
                            "they must be equal")
    elif {"x", "y"} <= set(arrays):
        x, y, pixels = _pair(arrays["x"], arrays["y"], name, "x", "y")
        test = np.arange(len(y)) % HELD_OUT == HELD_OUT - 1
        x_train, y_train, x_test, y_test = x[~test], y[~test], x[test], y[test]
        pixels = None if pixels is None else pixels[~test]
    else:
        raise DataError(f"{name} holds {', '.join(sorted(arrays)) or 'no arrays'}; a data file needs x and y, "
                        "or x_train, y_train, x_test and y_test")
    if len(y_train) == 0 or len(y_test) == 0:
        raise DataError(f"{name} needs at least one training and one held-out sample; with only x and y, "
                        f"at least {HELD_OUT} samples")
    classes = int(max(y_train.max(), y_test.max())) + 1
    if classes < 2:
        raise DataError(f"{name}: the labels must name at least 2 classes (0 and 1), got only 0")
    if pixels is not None:
        pixels = np.ascontiguousarray(pixels)
    for a in (x_train, y_train, x_test, y_test, pixels):
        if a is not None:
            a.setflags(write=False)
    return Dataset(name, x_train, y_train, x_test, y_test, classes, pixels)


def _read_npz(path: str, name: str) -> dict[str, np.ndarray]:
    """The archive's arrays, after checking their decompressed size from the zip directory."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise DataError(f"{name} is not a .npz file (a zip archive of NumPy arrays, numpy.savez)") from None
    if total > MAX_ARRAY_BYTES:
        raise DataError(f"{name} holds {total / 2**20:.0f} MB of arrays; at most {MAX_ARRAY_BYTES // 2**20} MB "
                        "is allowed")
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {key: npz[key] for key in npz.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError(f"{name} cannot be read as NumPy arrays (no pickled objects are loaded): {reason}") from None


def _pair(x: np.ndarray, y: np.ndarray, name: str, xk: str,
          yk: str) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Samples as a float64 (n, features) matrix, labels as int64, checked, and the uint8
    pixels the samples were scaled from (None for other numbers)."""
    if x.dtype.kind not in "uif" or x.ndim < 2:
        raise DataError(f"{name}: {xk} must be a numeric array of samples x features (2-D, or images of "
                        f"any shape after the first axis), got {x.dtype} of shape {x.shape}")
    features = int(np.prod(x.shape[1:]))
    if not 1 <= features <= MAX_FEATURES:
        raise DataError(f"{name}: {xk} has {features} features per sample; 1 to {MAX_FEATURES} are allowed")
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1 or y.dtype.kind not in "uif":
        raise DataError(f"{name}: {yk} must hold one number per sample (1-D), got {y.dtype} of shape {y.shape}")
    if len(y) != len(x):
        raise DataError(f"{name}: {xk} has {len(x)} samples but {yk} has {len(y)} labels; they must be equal")
    labels = y.astype(np.float64)
    if len(y) and not (np.all(np.isfinite(labels)) and np.all(labels == np.round(labels))
                       and labels.min() >= 0 and labels.max() < MAX_CLASSES):
        raise DataError(f"{name}: {yk} must hold whole-number class labels from 0 to {MAX_CLASSES - 1}")
    if x.size > MAX_VALUES:
        raise DataError(f"{name}: {xk} holds {x.size:,} numbers; at most {MAX_VALUES:,} are allowed")
    samples = x.reshape(len(x), features)
    values = samples / 255.0 if x.dtype == np.uint8 else samples.astype(np.float64)
    if not np.all(np.isfinite(values)):
        raise DataError(f"{name}: {xk} holds NaN or infinite values; only finite numbers are allowed")
    return values, labels.astype(np.int64), samples if x.dtype == np.uint8 else None


def describe(spec: str) -> str:
    """A short name for the data set, for titles: "MNIST" or the file's name."""
    return "MNIST" if spec == "mnist" else os.path.basename(spec)
