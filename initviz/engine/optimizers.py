"""The optimizers of a training run: SGD (the book's), momentum and Adam.

Each updates the parameters in place from their gradients, one step per iteration, with
no allocation in the step: the gradient arrays are the trainer's scratch and may be
overwritten. Parameters and their gradients are lists of arrays in the same order.
"""

from __future__ import annotations

import math

import numpy as np

#: Momentum's coefficient, the book's default (Saito, ch. 6, ``Momentum(momentum=0.9)``).
MOMENTUM = 0.9
#: Adam's decay rates and epsilon, Kingma & Ba 2015's defaults.
ADAM_BETA1 = 0.9
ADAM_BETA2 = 0.999
ADAM_EPSILON = 1e-8


class Sgd:
    """Stochastic gradient descent: p <- p - lr g (Robbins & Monro 1951; the book's SGD)."""

    def __init__(self, lr: float, params: list[np.ndarray]) -> None:
        self.lr = params[0].dtype.type(lr)

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        for p, g in zip(params, grads):
            g *= self.lr
            p -= g


class Momentum:
    """Momentum (Polyak 1964), as the book writes it: v <- 0.9 v - lr g, then p <- p + v."""

    def __init__(self, lr: float, params: list[np.ndarray]) -> None:
        self.lr = params[0].dtype.type(lr)
        self.mu = params[0].dtype.type(MOMENTUM)
        self.velocity = [np.zeros_like(p) for p in params]

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        for p, g, v in zip(params, grads, self.velocity):
            v *= self.mu
            g *= self.lr
            v -= g
            p += v


class Adam:
    """Adam (Kingma & Ba 2015, Algorithm 1, in the cheaper form of their section 2, as the
    book's Adam): with t the step number, lr_t = lr sqrt(1 - b2^t) / (1 - b1^t),
    m <- m + (1 - b1)(g - m), v <- v + (1 - b2)(g^2 - v), p <- p - lr_t m / (sqrt(v) + eps).
    """

    def __init__(self, lr: float, params: list[np.ndarray]) -> None:
        self.lr = lr
        self.t = 0
        self.dtype = params[0].dtype
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.scratch = [np.empty_like(p) for p in params]

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        self.t += 1
        kind = self.dtype.type
        lr_t = kind(self.lr * math.sqrt(1.0 - ADAM_BETA2**self.t) / (1.0 - ADAM_BETA1**self.t))
        b1, b2, eps = kind(1.0 - ADAM_BETA1), kind(1.0 - ADAM_BETA2), kind(ADAM_EPSILON)
        for p, g, m, v, s in zip(params, grads, self.m, self.v, self.scratch):
            np.subtract(g, m, out=s)
            s *= b1
            m += s
            np.multiply(g, g, out=s)
            s -= v
            s *= b2
            v += s
            np.sqrt(v, out=s)
            s += eps
            np.divide(m, s, out=s)
            s *= lr_t
            p -= s


OPTIMIZER_CLASSES = {"sgd": Sgd, "momentum": Momentum, "adam": Adam}


def make_optimizer(name: str, lr: float, params: list[np.ndarray]):
    """The optimizer called ``name`` ("sgd", "momentum" or "adam") for ``params``."""
    return OPTIMIZER_CLASSES[name](lr, params)
