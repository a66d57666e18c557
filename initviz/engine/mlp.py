"""A multilayer perceptron in NumPy: forward pass, softmax cross-entropy and back-propagation.

Layer k computes z_k = a_(k-1) W_k + b_k; hidden layers then a_k = phi(z_k); the last
layer's z are the logits. The loss of a batch of n samples with labels t is the mean
softmax cross-entropy L = (1/n) sum_i [log sum_c exp(z_ic) - z_(i, t_i)], computed as
log-sum-exp shifted by the row's maximum so that it never overflows. Its gradients, by
the chain rule (Rumelhart, Hinton & Williams 1986):

  dL/dz_out = (softmax(z_out) - onehot(t)) / n
  dL/dW_k = a_(k-1)^T dL/dz_k,   dL/db_k = sum over the batch of dL/dz_k
  dL/da_(k-1) = dL/dz_k W_k^T,   dL/dz_(k-1) = dL/da_(k-1) * phi'(z_(k-1))

The hot path works in buffers kept per batch size, so an iteration allocates next to
nothing; ``tests/test_training.py`` checks the gradients against finite differences.

Inputs that are 0 in every row of a batch (MNIST's border pixels; a third of the 784 in a
minibatch of 128) add nothing to z_1 and get a zero row in dL/dW_1, so ``cols`` may name
the columns that are not: x then holds only those, and layer 1 multiplies only those rows
of W_1. The results are the same up to rounding (the sums skip exact zeros).
"""

from __future__ import annotations

import numpy as np

from .activations import Activation


def cross_entropy(logits: np.ndarray, labels: np.ndarray, buffers: _Buffers | None = None) -> float:
    """Mean softmax cross-entropy of ``logits`` (n, classes) against integer ``labels``.
    With ``buffers`` (made for n rows) the logits are overwritten and nothing is allocated."""
    if buffers is None:
        shifted = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        return float(np.mean(lse - shifted[np.arange(len(labels)), labels], dtype=np.float64))
    shifted = np.subtract(logits, logits.max(axis=1, keepdims=True, out=buffers.row_max), out=logits)
    picked = shifted[buffers.rows, labels]
    lse = np.log(np.exp(shifted, out=shifted).sum(axis=1, out=buffers.row_sum), out=buffers.row_sum)
    return float(np.mean(np.subtract(lse, picked, out=lse), dtype=np.float64))


def _views(flat: np.ndarray, shapes) -> list[np.ndarray]:
    """Consecutive views of ``flat`` with the given shapes (each C-contiguous)."""
    out, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        out.append(flat[start : start + size].reshape(shape))
        start += size
    return out


class _Buffers:
    """Pre-activations, activations and back-propagated gradients for one batch size."""

    def __init__(self, rows: int, sizes: tuple[int, ...], dtype) -> None:
        self.z = [np.empty((rows, n), dtype) for n in sizes[1:]]
        self.a = [np.empty((rows, n), dtype) for n in sizes[1:-1]]
        self.g = [np.empty((rows, n), dtype) for n in sizes[1:-1]]
        self.mask = [np.empty((rows, n), bool) for n in sizes[1:-1]]
        self.rows = np.arange(rows)
        self.row_max = np.empty((rows, 1), dtype)
        self.row_sum = np.empty(rows, dtype)
        # dL/dW_1 of the input columns in use (``Mlp`` module docstring), before it is scattered.
        self.grad_first = np.empty(sizes[0] * sizes[1], dtype)


class Mlp:
    """Weights ``weights[k]`` (fan_in, fan_out) and biases ``biases[k]`` of every layer, the
    last one the output layer; ``activation`` (with ``parameter``) in the hidden layers."""

    def __init__(self, weights: list[np.ndarray], biases: list[np.ndarray], activation: Activation,
                 parameter: float) -> None:
        self.activation = activation
        self.parameter = parameter
        self.sizes = (weights[0].shape[0], *(w.shape[1] for w in weights))
        self.dtype = weights[0].dtype
        self.relu = activation.name == "relu"
        # Every parameter, W_1, b_1, W_2, b_2, ..., lives in one vector (and every gradient in
        # another), the matrices being views of it: an optimizer's step is then a few NumPy
        # calls on the whole, not a few per array.
        shapes = [shape for w, b in zip(weights, biases) for shape in (w.shape, b.shape)]
        total = sum(int(np.prod(shape)) for shape in shapes)
        self.flat, self.flat_grad = np.empty(total, self.dtype), np.empty(total, self.dtype)
        params, grads = _views(self.flat, shapes), _views(self.flat_grad, shapes)
        for view, value in zip(params, (v for wb in zip(weights, biases) for v in wb)):
            view[...] = value
        self.weights, self.biases = params[0::2], params[1::2]
        self.grad_w, self.grad_b = grads[0::2], grads[1::2]
        self._buffers: dict[int, _Buffers] = {}

    @property
    def params(self) -> list[np.ndarray]:
        """Every parameter as the optimizer's list: the one vector the weights are views of."""
        return [self.flat]

    @property
    def grads(self) -> list[np.ndarray]:
        """The gradients of the last ``gradients`` call, in ``params``' order."""
        return [self.flat_grad]

    def buffers(self, rows: int) -> _Buffers:
        if rows not in self._buffers:
            self._buffers[rows] = _Buffers(rows, self.sizes, self.dtype)
        return self._buffers[rows]

    def forward(self, x: np.ndarray, buffers: _Buffers | None = None, cols: np.ndarray | None = None) -> np.ndarray:
        """The logits of ``x``; every z and a stay in ``buffers`` (made for x's rows if None).
        ``cols``: x holds only these input columns, the others being 0 (module docstring)."""
        buf = buffers or self.buffers(len(x))
        a = x
        last = len(self.weights) - 1
        for k, (w, b) in enumerate(zip(self.weights, self.biases)):
            if k == 0 and cols is not None:
                w = w.take(cols, axis=0)
            z = np.matmul(a, w, out=buf.z[k])
            z += b
            if k == last:
                return z
            if self.relu:
                a = np.maximum(z, 0, out=buf.a[k])
            else:
                a = buf.a[k]
                a[...] = self.activation.forward(z, self.parameter)
        raise AssertionError("unreachable")

    def output_gradient(self, logits: np.ndarray, labels: np.ndarray, buffers: _Buffers) -> np.ndarray:
        """dL/dz_out = (softmax(z) - onehot(t)) / n, in place of ``logits`` (``buffers``' rows)."""
        rows, row = buffers.rows, buffers.row_max
        logits -= logits.max(axis=1, keepdims=True, out=row)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True, out=row)
        logits[rows, labels] -= 1
        logits *= self.dtype.type(1.0 / len(labels))
        return logits

    def gradients(self, x: np.ndarray, labels: np.ndarray, buffers: _Buffers | None = None,
                  keep_hidden: bool = False, cols: np.ndarray | None = None) -> np.ndarray:
        """Back-propagate the loss of (x, labels) into ``grad_w`` and ``grad_b``; returns the
        logits' gradient. With ``keep_hidden``, ``buffers.g[k]`` keeps dL/da of hidden layer k
        (else it is overwritten by dL/dz). ``cols``: as for ``forward``."""
        buf = buffers or self.buffers(len(x))
        return self.backward(x, labels, self.forward(x, buf, cols), buf, keep_hidden, cols)

    def backward(self, x: np.ndarray, labels: np.ndarray, logits: np.ndarray, buffers: _Buffers,
                 keep_hidden: bool = False, cols: np.ndarray | None = None) -> np.ndarray:
        """``gradients`` after its forward pass: ``logits`` = ``forward(x, buffers, cols)``,
        overwritten by their gradient."""
        buf = buffers
        g = self.output_gradient(logits, labels, buf)
        top = g
        for k in range(len(self.weights) - 1, -1, -1):
            a_prev = x if k == 0 else buf.a[k - 1]
            if k == 0 and cols is not None:
                part = np.matmul(a_prev.T, g, out=buf.grad_first[: len(cols) * g.shape[1]].reshape(len(cols), -1))
                self.grad_w[0].fill(0)
                self.grad_w[0][cols] = part
            else:
                np.matmul(a_prev.T, g, out=self.grad_w[k])
            g.sum(axis=0, out=self.grad_b[k])
            if k == 0:
                break
            da = np.matmul(g, self.weights[k].T, out=buf.g[k - 1])
            z = buf.z[k - 1]
            if keep_hidden:
                da = da.copy()
            if self.relu:
                np.multiply(da, np.greater(z, 0, out=buf.mask[k - 1]), out=da)
            else:
                da *= self.activation.derivative(z, self.parameter)
            g = da
        return top

    def loss(self, x: np.ndarray, labels: np.ndarray, buffers: _Buffers | None = None,
             cols: np.ndarray | None = None) -> float:
        """The mean cross-entropy of (x, labels) with the current parameters."""
        buf = buffers or self.buffers(len(x))
        return cross_entropy(self.forward(x, buf, cols), labels, buf)
