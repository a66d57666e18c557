"""Order and chaos: the mean-field phase diagram of a deep network, one point at a time.

Weights N(0, sigma_w2 / fan_in), biases N(0, sigma_b2) (Poole et al. 2016; Schoenholz et
al. 2017). With z ~ N(0, 1) and phi the activation:

- the length map q -> sigma_w2 E[phi(sqrt(q) z)^2] + sigma_b2 and its fixed point q*;
- the correlation map c -> (sigma_w2 E[phi(u1) phi(u2)] + sigma_b2) / q* for two inputs
  whose pre-activations have variance q* and correlation c, and its stable fixed point c*
  (1 in the ordered phase, below 1 in the chaotic one);
- chi_1 = sigma_w2 E[phi'(sqrt(q*) z)^2], the slope of the correlation map at c = 1 and
  the factor by which gradients grow per layer; the critical line is chi_1 = 1;
- the depth scales xi_q = -1 / ln(slope of the length map at q*) and
  xi_c = -1 / ln(sigma_w2 E[phi'(u1) phi'(u2)] at c*) (Schoenholz et al. 2017, eqs. 4-9).

The slope of the length map needs phi'' (chi_1 + sigma_w2 E[phi'' phi]); Stein's lemma
E[h'(sqrt(q) z)] = E[z h(sqrt(q) z)] / sqrt(q) with h = phi phi' gives it from phi and
phi' alone, which also holds at ReLU's kink (no finite difference, no phi'' needed).

``phase_grid`` evaluates a whole map at once; this module is the reference it is tested
against, exact to the quadrature's accuracy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import Activation, get_activation
from .config import SimulationConfig
from .initializers import InitSpec, weight_std
from .theory import bivariate_expectation, gaussian_expectation

#: |chi_1 - 1| at most this: "critical".
CRITICAL_TOLERANCE = 1e-3
#: A fixed point of the length map below Q_MIN is 0; above Q_MAX the length grows without bound.
Q_MIN = 1e-12
Q_MAX = 1e8
#: The length map is iterated from the first layer's q with inputs of second moment 1.
INPUT_SECOND_MOMENT = 1.0
PHASES = ("ordered", "critical", "chaotic")


def _functions(activation: Activation | str, parameter: float | None):
    act = get_activation(activation) if isinstance(activation, str) else activation
    p = act.parameter(parameter)
    return (lambda v: act.forward(v, p)), (lambda v: act.derivative(v, p))


def length_map(activation, sigma_w2: float, sigma_b2: float, q: float, parameter: float | None = None) -> float:
    """q_l = sigma_w2 E[phi(sqrt(q_{l-1}) z)^2] + sigma_b2 (Poole et al. 2016, eq. 3)."""
    phi, _ = _functions(activation, parameter)
    return sigma_w2 * gaussian_expectation(lambda v: phi(v) ** 2, q) + sigma_b2


def length_slope(activation, sigma_w2: float, q: float, parameter: float | None = None) -> float:
    """d q_l / d q_{l-1} = sigma_w2 E[phi'^2 + phi phi''] = sigma_w2 E[z phi phi'] / sqrt(q)
    (Stein's lemma). At q = 0, its limit, taken at Q_MIN."""
    phi, dphi = _functions(activation, parameter)
    root = math.sqrt(max(q, Q_MIN))
    return sigma_w2 * gaussian_expectation(lambda v: (v / root) * phi(v) * dphi(v), root * root) / root


def fixed_length(activation, sigma_w2: float, sigma_b2: float, parameter: float | None = None,
                 q0: float | None = None) -> float:
    """q*: where the length map, iterated from the first layer's q_1 = sigma_w2 + sigma_b2
    (or ``q0``), comes to rest: 0, a positive number, or inf (it grows without bound).

    The map is increasing in q for every activation here, so the iteration moves
    monotonically to the nearest fixed point in the direction it starts: found by
    doubling (or halving) until the direction turns, then bisection in log q.
    """
    q = sigma_w2 * INPUT_SECOND_MOMENT + sigma_b2 if q0 is None else q0
    if sigma_w2 == 0 or q <= 0:
        return max(sigma_b2, 0.0)
    gap = lambda v: length_map(activation, sigma_w2, sigma_b2, v, parameter) - v  # noqa: E731
    g = gap(q)
    if g == 0:
        return q
    lo = hi = q
    if g > 0:
        while gap(hi) > 0:
            lo, hi = hi, hi * 2
            if hi > Q_MAX:
                return math.inf
    else:
        while gap(lo) < 0:
            lo, hi = lo / 2, lo
            if lo < Q_MIN:
                return 0.0
    for _ in range(200):
        mid = math.sqrt(lo * hi)
        if hi - lo <= 1e-14 * hi:
            break
        if gap(mid) > 0:
            lo = mid
        else:
            hi = mid
    return math.sqrt(lo * hi)


def chi_1(activation, sigma_w2: float, q: float, parameter: float | None = None) -> float:
    """chi_1 = sigma_w2 E[phi'(sqrt(q*) z)^2] (Schoenholz et al. 2017, eq. 7). At q* = 0 and
    q* = inf, its limits, taken at Q_MIN and Q_MAX (ReLU's E[phi'^2] is 1/2 for every
    q > 0, though relu'(0) is 0)."""
    _, dphi = _functions(activation, parameter)
    return sigma_w2 * gaussian_expectation(lambda v: dphi(v) ** 2, min(max(q, Q_MIN), Q_MAX))


def correlation_map(activation, sigma_w2: float, sigma_b2: float, q: float, c: float,
                    parameter: float | None = None) -> float:
    """c_l = (sigma_w2 E[phi(u1) phi(u2)] + sigma_b2) / q* with u1, u2 of variance q* and
    correlation c_{l-1} (Poole et al. 2016, eq. 5)."""
    phi, _ = _functions(activation, parameter)
    return (sigma_w2 * bivariate_expectation(phi, phi, q, c) + sigma_b2) / q


def correlation_slope(activation, sigma_w2: float, q: float, c: float, parameter: float | None = None) -> float:
    """d c_l / d c_{l-1} = sigma_w2 E[phi'(u1) phi'(u2)] (Schoenholz et al. 2017, eq. 8);
    at c = 1 it is chi_1."""
    _, dphi = _functions(activation, parameter)
    return sigma_w2 * bivariate_expectation(dphi, dphi, q, c)


def fixed_correlation(activation, sigma_w2: float, sigma_b2: float, q: float, chi: float,
                      parameter: float | None = None) -> float:
    """c*, the stable fixed point of the correlation map: 1 when chi_1 <= 1, else the one
    below 1, found by Newton's method from c = 0.

    By Mehler's expansion E[phi(u1) phi(u2)] = sum_n a_n^2 c^n with a_n^2 >= 0, so on
    [0, 1] the map is increasing and convex, with map(0) >= 0 and map(1) = 1: Newton's
    steps from 0 rise monotonically to the smallest fixed point, the stable one.
    """
    if chi <= 1.0 or not 0 < q < math.inf:
        return 1.0
    c = 0.0
    for _ in range(60):
        gap = correlation_map(activation, sigma_w2, sigma_b2, q, c, parameter) - c
        slope = correlation_slope(activation, sigma_w2, q, c, parameter) - 1.0
        if slope >= 0:  # rounding near a fixed point close to 1: stop where we are
            break
        step = -gap / slope
        c = min(c + step, 1.0)
        if abs(step) < 1e-12:
            break
    return max(c, 0.0)  # the map at 0 is s E[phi]^2 / q* + sigma_b2 / q* >= 0: below 0 is rounding


def depth_scale(slope: float) -> float:
    """-1 / ln(slope): the number of layers over which a deviation shrinks by e; inf when
    the slope is 1 or more (no exponential approach), 0 when it is 0."""
    if slope <= 0:
        return 0.0
    if slope >= 1 - 1e-12:  # 1 to rounding (ReLU's chi_1 at He comes out as 1 - 2e-16)
        return math.inf
    return -1.0 / math.log(slope)


def classify(chi: float) -> str:
    """"ordered" (chi_1 < 1), "chaotic" (chi_1 > 1) or "critical" (within CRITICAL_TOLERANCE)."""
    if abs(chi - 1.0) <= CRITICAL_TOLERANCE:
        return "critical"
    return "ordered" if chi < 1.0 else "chaotic"


def _json_number(x: float) -> float | None:
    return float(x) if math.isfinite(x) else None


@dataclass(frozen=True)
class PhasePoint:
    """The mean-field quantities at one (sigma_w2, sigma_b2). Infinite values are inf;
    ``c_star``, ``xi_q`` and ``xi_c`` are NaN where q* is infinite (no fixed point)."""

    activation: str
    sigma_w2: float
    sigma_b2: float
    q_star: float
    chi1: float
    c_star: float
    xi_q: float
    xi_c: float
    phase: str

    @property
    def note(self) -> str | None:
        """One line on what is degenerate here, or None."""
        if math.isinf(self.q_star):
            return "the length q grows without bound: no fixed point q*"
        if self.q_star == 0:
            return "q* = 0: the signal fades to the biases (none here)"
        return None

    def to_json(self) -> dict:
        """The command line's keys; JSON has no inf or NaN, so those are null."""
        return {
            "activation": self.activation,
            "sigma_w2": self.sigma_w2,
            "sigma_b2": self.sigma_b2,
            "q_star": _json_number(self.q_star),
            "chi1": _json_number(self.chi1),
            "c_star": _json_number(self.c_star),
            "xi_q": _json_number(self.xi_q),
            "xi_c": _json_number(self.xi_c),
            "phase": self.phase,
            "note": self.note,
        }


def phase_point(activation, sigma_w2: float, sigma_b2: float, parameter: float | None = None) -> PhasePoint:
    """Every quantity of the phase diagram at one point, by direct quadrature."""
    act = get_activation(activation) if isinstance(activation, str) else activation
    q = fixed_length(act, sigma_w2, sigma_b2, parameter)
    chi = chi_1(act, sigma_w2, q, parameter)
    if math.isinf(q):
        c = xi_q = xi_c = math.nan
    else:
        c = fixed_correlation(act, sigma_w2, sigma_b2, q, chi, parameter)
        xi_q = depth_scale(length_slope(act, sigma_w2, q, parameter))
        slope = chi if c == 1.0 else correlation_slope(act, sigma_w2, q, c, parameter)
        xi_c = depth_scale(slope)
    return PhasePoint(act.name, sigma_w2, sigma_b2, q, chi, c, xi_q, xi_c, classify(chi))


class NoCriticalPoint(ValueError):
    """The activation has no critical point at this sigma_b2; the message says why."""


def critical_sigma_w2(activation, sigma_b2: float, parameter: float | None = None,
                      low: float = 1e-3, high: float = 1e3) -> float:
    """sigma_w2 where chi_1 = 1 at this sigma_b2 (the critical line), by bisection on
    log sigma_w2 between ``low`` and ``high``.

    A crossing counts only where q* stays finite on its ordered side: ReLU's chi_1 is
    sigma_w2 / 2 whatever sigma_b2, but for sigma_b2 > 0 its q* = sigma_b2 / (1 - sigma_w2 / 2)
    grows without bound as sigma_w2 -> 2, so only (2, 0) is critical (NoCriticalPoint).
    """
    act = get_activation(activation) if isinstance(activation, str) else activation

    def chi_at(s: float) -> float:
        return chi_1(act, s, fixed_length(act, s, sigma_b2, parameter), parameter)

    grid = np.geomspace(low, high, 61)
    above = [chi_at(float(s)) > 1.0 for s in grid]
    if not any(above) or all(above):
        raise NoCriticalPoint(f"{act.name} has no critical point at sigma_b2 = {sigma_b2:g}: chi_1 "
                              f"{'stays below' if not any(above) else 'is above'} 1 for sigma_w2 from "
                              f"{low:g} to {high:g}")
    k = above.index(True)
    lo, hi = float(grid[k - 1]), float(grid[k])
    for _ in range(100):
        mid = math.sqrt(lo * hi)
        if hi - lo <= 1e-13 * hi:
            break
        if chi_at(mid) > 1.0:
            hi = mid
        else:
            lo = mid
    if not fixed_length(act, lo, sigma_b2, parameter) < Q_MAX / 1e3:
        raise NoCriticalPoint(f"{act.name} has no critical point at sigma_b2 = {sigma_b2:g}: chi_1 reaches 1 "
                              f"at sigma_w2 = {hi:.6g}, where the length q grows without bound"
                              + (" (only sigma_b2 = 0 has one)" if act.name == "relu" else ""))
    return math.sqrt(lo * hi)


# -- configurations as points of the diagram -----------------------------------------------
#: The named schemes marked on the map, with zero biases as published: (label, scheme).
NAMED_SCHEMES = (
    ("Xavier", InitSpec("xavier")),
    ("He", InitSpec("he")),
    ("std 0.01", InitSpec("normal", std=0.01)),
    ("std 1", InitSpec("normal", std=1.0)),
)


def point_of(config: SimulationConfig) -> tuple[float, float] | None:
    """(sigma_w2, sigma_b2) of a configuration's hidden layers: the weight variance times
    their fan_in (the width), and the bias variance; None where the diagram does not
    apply (constant weights, LSUV's data-driven scale, a constant bias)."""
    n = config.width[0]
    std = None if config.init.name == "lsuv" else weight_std(config.init, n, n)
    if std is None or config.bias == "constant" and config.bias_value != 0:
        return None
    return std * std * n, config.bias_std**2 if config.bias == "normal" else 0.0


def named_points(width: int) -> list[tuple[str, float, float]]:
    """(label, sigma_w2, sigma_b2) of ``NAMED_SCHEMES`` at this width: Xavier 1, He 2,
    std 0.01 gives 1e-4 width, std 1 gives width."""
    return [(label, weight_std(spec, width, width) ** 2 * width, 0.0) for label, spec in NAMED_SCHEMES]


def configuration_at(config: SimulationConfig, sigma_w2: float, sigma_b2: float,
                     correlation: float | None = None) -> SimulationConfig:
    """``config`` moved to the point (sigma_w2, sigma_b2): weights by variance scaling
    (fan_in, normal, scale = sigma_w2, gain 1), so that every layer's weight variance is
    sigma_w2 / fan_in, and biases N(0, sigma_b2); ``correlation``, when given, sets the
    pairs of inputs followed through depth."""
    init = InitSpec("variance_scaling", gain=1.0, scale=sigma_w2, mode="fan_in", distribution="normal")
    changes = dict(init=init, bias="normal" if sigma_b2 > 0 else "zeros", bias_std=math.sqrt(max(sigma_b2, 0.0)))
    if correlation is not None:
        changes["correlation"] = correlation
    return config.replace(**changes)
