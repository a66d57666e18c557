"""The phase diagram on a whole (sigma_w2, sigma_b2) grid at once (Poole et al. 2016;
Schoenholz et al. 2017), for the window's map and ``phase --grid``.

``phase`` defines every quantity and computes it at one point by quadrature; this module
computes the same on tens of thousands of points in well under a second:

- Every Gaussian expectation of the length map depends on q alone, not on
  (sigma_w2, sigma_b2). So E[phi^2], E[phi'^2] and d E[phi^2] / dq are tabulated once per
  activation on log-spaced q, and each point's q* is found by the same doubling and
  bisection as ``phase.fixed_length``, run on all points together, with E[phi^2]
  interpolated (cubic Hermite in log q, log E: the slope from Stein's lemma).
- The correlation map needs a two-dimensional integral at every point and every Newton
  step. Mehler's expansion makes it one-dimensional: for pre-activations of variance q
  and correlation c, E[phi(u1) phi(u2)] = sum_n a_n(q)^2 c^n, with a_n(q) = E[phi(sqrt(q) z)
  He_n(z)] / sqrt(n!) (Hermite polynomials He_n). The a_n^2 are tabulated in q too;
  the terms beyond HERMITE_TERMS are lumped into the last power, so that the map stays
  exact at c = 1 (sum a_n^2 = E[phi^2]). E[phi'(u1) phi'(u2)] likewise.

The tests compare the two modules point by point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .activations import Activation, get_activation
from .phase import CRITICAL_TOLERANCE, INPUT_SECOND_MOMENT, Q_MAX, Q_MIN
from .theory import quadrature

#: Log-spaced q of the one-dimensional tables, over [Q_MIN, Q_MAX].
TABLE_SIZE = 1200
#: Hermite terms kept of Mehler's expansion, and the q range and size of their table.
HERMITE_TERMS = 64
MEHLER_Q = (1e-8, 1e4)
MEHLER_SIZE = 500
#: Midpoint cells of the Hermite coefficients' integrals over [-MEHLER_LIMIT, MEHLER_LIMIT]:
#: He_63's weight reaches |z| = 16, and the cells must resolve it.
MEHLER_CELLS = 8000
MEHLER_LIMIT = 20.0
#: The largest grid the command line and the window ask for, per axis.
MAX_GRID = 1000
#: Chaotic points whose c* is found together (their Mehler coefficients take 1 KB each).
BLOCK = 16384


@dataclass(frozen=True)
class Tables:
    """One activation's expectations as functions of q (each read-only)."""

    q: np.ndarray  # log-spaced
    second: np.ndarray  # E[phi(sqrt(q) z)^2]
    second_slope: np.ndarray  # d E[phi^2] / dq = E[z phi phi'] / sqrt(q) (Stein)
    slope_sq: np.ndarray  # E[phi'(sqrt(q) z)^2]
    mehler_q: np.ndarray
    forward_share: np.ndarray  # a_n(q)^2 / E[phi^2], one row per q
    derivative_share: np.ndarray  # the same for phi'


def _hermite_basis(x: np.ndarray, terms: int) -> np.ndarray:
    """h_n(x) = He_n(x) / sqrt(n!) for n < terms, orthonormal under N(0, 1), by the
    recurrence h_{n+1} = (x h_n - sqrt(n) h_{n-1}) / sqrt(n + 1)."""
    h = np.empty((x.size, terms))
    h[:, 0] = 1.0
    if terms > 1:
        h[:, 1] = x
    for n in range(1, terms - 1):
        h[:, n + 1] = (x * h[:, n] - math.sqrt(n) * h[:, n - 1]) / math.sqrt(n + 1)
    return h


def _shares(fn, q: np.ndarray) -> np.ndarray:
    """a_n(q)^2 / sum over all n (= E[fn^2]), one row per q: Mehler's weights, normalised."""
    cells = MEHLER_CELLS
    h = 2 * MEHLER_LIMIT / cells
    x = -MEHLER_LIMIT + h * (np.arange(cells) + 0.5)  # an even count: a cell edge at 0
    w = np.exp(-0.5 * x * x) * (h / math.sqrt(2 * math.pi))
    basis = _hermite_basis(x, HERMITE_TERMS) * w[:, None]
    out = np.empty((q.size, HERMITE_TERMS))
    total = np.empty(q.size)
    for i in range(0, q.size, 50):  # 50 rows of phi at a time: 3 MB, not 30
        values = fn(np.sqrt(q[i:i + 50])[:, None] * x)
        out[i:i + 50] = (values @ basis) ** 2
        total[i:i + 50] = (values * values) @ w
    return out / np.maximum(total, 1e-300)[:, None]


def tables(activation: Activation | str, parameter: float | None = None) -> Tables:
    """The tables of ``activation`` (cached per activation and parameter)."""
    act = get_activation(activation) if isinstance(activation, str) else activation
    return _tables(act.name, act.parameter(parameter))


@lru_cache(maxsize=16)
def _tables(name: str, p: float) -> Tables:
    act = get_activation(name)
    phi = lambda v: act.forward(v, p)  # noqa: E731
    dphi = lambda v: act.derivative(v, p)  # noqa: E731
    q = np.geomspace(Q_MIN, Q_MAX, TABLE_SIZE)
    x, w = quadrature()
    second, stein, slope_sq = (np.empty(q.size) for _ in range(3))
    for i in range(0, q.size, 100):
        root = np.sqrt(q[i:i + 100])[:, None]
        v, d = phi(root * x), dphi(root * x)
        second[i:i + 100] = (v * v) @ w
        stein[i:i + 100] = (v * d * x) @ w / root[:, 0]
        slope_sq[i:i + 100] = (d * d) @ w
    mq = np.geomspace(*MEHLER_Q, MEHLER_SIZE)
    out = Tables(q, second, stein, slope_sq, mq, _shares(phi, mq), _shares(dphi, mq))
    for a in (out.q, out.second, out.second_slope, out.slope_sq, out.mehler_q, out.forward_share,
              out.derivative_share):
        a.setflags(write=False)
    return out


def _log_interp(q: np.ndarray, table_q: np.ndarray, values: np.ndarray, slopes: np.ndarray | None = None):
    """values at q, interpolated in (log q, log value): cubic Hermite when ``slopes``
    (d value / dq) is given, else linear. q is clipped to the table. A value the
    quadrature rounds to 0 (tanh' at q = 1e8 is a spike between its nodes) is floored at
    1e-300: the tables are accurate only where the nodes resolve phi (q up to about 1e4
    for tanh, everywhere for the piecewise-linear activations)."""
    lq = np.log(np.clip(q, table_q[0], table_q[-1]))
    lt = np.log(table_q)
    k = np.clip(np.searchsorted(lt, lq) - 1, 0, lt.size - 2)
    step = lt[k + 1] - lt[k]
    t = (lq - lt[k]) / step
    values = np.maximum(values, 1e-300)
    lv = np.log(values)
    if slopes is None:
        return np.exp(lv[k] + t * (lv[k + 1] - lv[k]))
    m = slopes * table_q / values  # d log value / d log q
    t2, t3 = t * t, t * t * t
    out = ((2 * t3 - 3 * t2 + 1) * lv[k] + (t3 - 2 * t2 + t) * step * m[k]
           + (-2 * t3 + 3 * t2) * lv[k + 1] + (t3 - t2) * step * m[k + 1])
    return np.exp(out)


@dataclass(frozen=True)
class PhaseGrid:
    """Every quantity of the phase diagram on a grid: arrays of shape
    (len(sigma_b2), len(sigma_w2)), one row per sigma_b2. q* is inf where the length
    grows without bound; c*, xi_q and xi_c are NaN there. ``critical`` gives, per row,
    the sigma_w2 where chi_1 crosses 1 between two points of finite q* (NaN: none)."""

    activation: str
    parameter: float
    sigma_w2: np.ndarray
    sigma_b2: np.ndarray
    q_star: np.ndarray
    chi1: np.ndarray
    c_star: np.ndarray
    xi_q: np.ndarray
    xi_c: np.ndarray
    critical: np.ndarray

    @property
    def phase(self) -> np.ndarray:
        """-1 ordered, 0 critical, 1 chaotic (``phase.classify`` on every point)."""
        out = np.sign(self.chi1 - 1.0).astype(np.int8)
        out[np.abs(self.chi1 - 1.0) <= CRITICAL_TOLERANCE] = 0
        return out

    def to_json(self) -> dict:
        """Axes and arrays as nested lists (rows: sigma_b2); inf and NaN become null."""

        def rows(a):
            return [[float(v) if math.isfinite(v) else None for v in row] for row in a]

        return {
            "activation": self.activation,
            "sigma_w2": [float(v) for v in self.sigma_w2],
            "sigma_b2": [float(v) for v in self.sigma_b2],
            "chi1": rows(self.chi1),
            "xi_c": rows(self.xi_c),
            "q_star": rows(self.q_star),
        }


def _fixed_lengths(tab: Tables, s: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``phase.fixed_length`` for every (s, b) at once, E[phi^2] from the table."""
    def second(v):
        return _log_interp(v, tab.q, tab.second, tab.second_slope)

    def gap(v):
        return s * second(v) + b - v

    q = s * INPUT_SECOND_MOMENT + b
    result = np.full(s.shape, np.nan)
    trivial = (s == 0) | (q <= 0)
    result[trivial] = np.maximum(b[trivial], 0.0)
    g = np.where(trivial, 0.0, gap(np.where(trivial, 1.0, q)))
    result[~trivial & (g == 0)] = q[~trivial & (g == 0)]
    up, down = ~trivial & (g > 0), ~trivial & (g < 0)
    lo, hi = q.copy(), q.copy()
    moving = up.copy()
    while moving.any():  # double until the map turns down (or q passes Q_MAX)
        grow = moving & (gap(hi) > 0)
        lo = np.where(grow, hi, lo)
        hi = np.where(grow, hi * 2, hi)
        result[grow & (hi > Q_MAX)] = math.inf
        moving = grow & (hi <= Q_MAX)
    moving = down.copy()
    while moving.any():  # halve until the map turns up (or q falls below Q_MIN)
        shrink = moving & (gap(lo) < 0)
        hi = np.where(shrink, lo, hi)
        lo = np.where(shrink, lo / 2, lo)
        result[shrink & (lo < Q_MIN)] = 0.0
        moving = shrink & (lo >= Q_MIN)
    todo = np.isnan(result)
    lo, hi, sb, bb = lo[todo], hi[todo], s[todo], b[todo]
    for _ in range(60):  # bisection in log q: 2^-60 of a factor 2
        mid = np.sqrt(lo * hi)
        above = sb * second(mid) + bb - mid > 0
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
    result[todo] = np.sqrt(lo * hi)
    return result


def _mehler(shares: np.ndarray, c: np.ndarray) -> np.ndarray:
    """sum_n share_n c^n with the lumped remainder (1 - sum share_n) c^N, by Horner."""
    terms = shares.shape[1]
    out = 1.0 - shares.sum(axis=1)
    for n in range(terms - 1, -1, -1):
        out = out * c + shares[:, n]
    return out


def _fixed_correlations(tab: Tables, s, b, q, second, slope_sq):
    """c* below 1 and the correlation map's slope there, by Newton's method from c = 0 on
    the Mehler expansion (as ``phase.fixed_correlation`` on the direct integral)."""
    lq, lt = np.log(np.clip(q, *MEHLER_Q)), np.log(tab.mehler_q)
    k = np.clip(np.searchsorted(lt, lq) - 1, 0, lt.size - 2)
    t = ((lq - lt[k]) / (lt[k + 1] - lt[k]))[:, None]
    fwd = (1 - t) * tab.forward_share[k] + t * tab.forward_share[k + 1]
    der = (1 - t) * tab.derivative_share[k] + t * tab.derivative_share[k + 1]
    c = np.zeros(q.shape)
    todo = np.arange(q.size)
    for _ in range(100):  # Newton's steps shrink quadratically, or by half near c* = 1
        i = todo
        gap = (s[i] * second[i] * _mehler(fwd[i], c[i]) + b[i]) / q[i] - c[i]
        slope = s[i] * slope_sq[i] * _mehler(der[i], c[i]) - 1.0
        step = np.where(slope < 0, -gap / np.where(slope < 0, slope, -1.0), 0.0)
        c[i] = np.minimum(c[i] + step, 1.0)
        todo = i[np.abs(step) > 1e-10]  # finer steps are rounding
        if not todo.size:
            break
    c = np.maximum(c, 0.0)  # the map at 0 is >= 0 (see phase.fixed_correlation): below 0 is rounding
    return c, s * slope_sq * _mehler(der, c)


def _depth_scale(slope: np.ndarray) -> np.ndarray:
    """``phase.depth_scale`` on arrays."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = -1.0 / np.log(slope)
    out = np.where(slope >= 1 - 1e-12, math.inf, out)
    return np.where(slope <= 0, 0.0, out)


def phase_grid(activation: Activation | str, sigma_w2, sigma_b2, parameter: float | None = None) -> PhaseGrid:
    """q*, chi_1, c*, xi_q and xi_c at every (sigma_w2, sigma_b2) of the two axes."""
    act = get_activation(activation) if isinstance(activation, str) else activation
    p = act.parameter(parameter)
    tab = tables(act, p)
    sw = np.asarray(sigma_w2, dtype=np.float64)
    sb = np.asarray(sigma_b2, dtype=np.float64)
    s, b = (a.ravel() for a in np.meshgrid(sw, sb))
    q = _fixed_lengths(tab, s, b)
    finite = np.isfinite(q)
    # q* = 0 and q* = inf take their limits, the table's ends (ReLU's E[phi'^2] is 1/2
    # for every q > 0, though relu'(0) is 0)
    qc = np.clip(q, Q_MIN, Q_MAX)
    positive = q > 0
    slope_sq = _log_interp(qc, tab.q, tab.slope_sq)
    second = _log_interp(qc, tab.q, tab.second, tab.second_slope)
    chi = s * slope_sq
    stein = np.interp(np.log(qc), np.log(tab.q), tab.second_slope)
    xi_q = _depth_scale(s * stein)
    c = np.where(finite, 1.0, math.nan)
    corr_slope = chi.copy()
    chaotic = np.flatnonzero(finite & positive & (chi > 1.0))
    for start in range(0, chaotic.size, BLOCK):  # blocks: each point holds 2 x 64 coefficients
        i = chaotic[start:start + BLOCK]
        c[i], corr_slope[i] = _fixed_correlations(tab, s[i], b[i], q[i], second[i], slope_sq[i])
    xi_c = np.where(finite, _depth_scale(corr_slope), math.nan)
    xi_q = np.where(finite, xi_q, math.nan)
    shape = (sb.size, sw.size)
    q, chi, c, xi_q, xi_c = (a.reshape(shape) for a in (q, chi, c, xi_q, xi_c))
    return PhaseGrid(act.name, p, sw, sb, q, chi, c, xi_q, xi_c, _critical_line(sw, q, chi))


def _critical_line(sw: np.ndarray, q: np.ndarray, chi: np.ndarray) -> np.ndarray:
    """Per row, the sigma_w2 where chi_1 first reaches 1 between two neighbours of finite
    q* (interpolated linearly between them: as fine as the grid); NaN where it does not."""
    out = np.full(q.shape[0], np.nan)
    ok = np.isfinite(q[:, :-1]) & np.isfinite(q[:, 1:])
    cross = ok & (chi[:, :-1] < 1.0) & (chi[:, 1:] >= 1.0)
    for row in np.flatnonzero(cross.any(axis=1)):
        j = int(np.argmax(cross[row]))
        lo, hi = chi[row, j], chi[row, j + 1]
        t = (1.0 - lo) / (hi - lo)
        out[row] = sw[j] + t * (sw[j + 1] - sw[j])
    return out
