"""The lecture's steps, in order: one ``Step`` per entry, so adding a step is one entry.

A step is a configuration (with the backward pass on where gradients are the point),
the view and quantity to show, the runs it compares, a title, a caption of two to four
sentences, the scheme's formula in Unicode and the picker of its highlighted number
(``highlights``). The texts are English, marked with ``QT_TR_NOOP`` so that
pyside6-lupdate collects them (context ""); the window translates them with ``tr``.
Where the classic lecture note simplifies, the caption says what the measurement shows.
Sources: Glorot & Bengio 2010; He et al. 2015; LeCun et al. 1998; Poole et al. 2016;
Schoenholz et al. 2017; Hanin & Rolnick 2018; Deep Learning from Scratch, ch. 6.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..engine import InitSpec, SimulationConfig
from ..presets import PRESET_SEED, PRESETS_BY_KEY, TRAINING_PRESETS_BY_KEY, Preset
from . import highlights as pick
from .highlights import QT_TR_NOOP, Highlight, Picker

#: What a step can show (the window's views and the quantities of its Show menu).
VIEWS = ("book", "deep", "symmetry", "phase", "training")
QUANTITIES = ("activations", "preactivations", "gradients", "pre_gradients", "weight_gradients")


@dataclass(frozen=True)
class Step:
    """One step of the lecture.

    ``preset`` is what the window loads: its configuration (``config``), its comparison run
    and its training runs; ``view`` and ``quantity`` say what is shown; ``pick`` takes the
    runs as measured and returns the highlighted number (None until they have arrived).
    """

    key: str
    title: str
    caption: str
    formula: str
    preset: Preset
    view: str
    pick: Picker
    quantity: str = "activations"

    def __post_init__(self) -> None:
        if self.view not in VIEWS or self.quantity not in QUANTITIES:
            raise ValueError(f"step {self.key}: view {self.view!r} or quantity {self.quantity!r} unknown")
        if self.quantity in ("gradients", "pre_gradients", "weight_gradients") and not self.config.gradients:
            raise ValueError(f"step {self.key} shows gradients: its configuration needs the backward pass")

    @property
    def config(self) -> SimulationConfig:
        return self.preset.config

    @property
    def training(self) -> bool:
        return bool(self.preset.training)

    def highlight(self, runs) -> Highlight | None:
        """The number, once ``runs`` have arrived (the phase diagram's needs none: it is computed)."""
        if not runs and self.view != "phase":
            return None
        return self.pick(runs, self)


def _preset(key: str, title: str, gradients: bool = False, **changes) -> Preset:
    """A preset of the app, with the backward pass switched on where the step needs it."""
    p = PRESETS_BY_KEY[key]
    compare = p.compare.replace(gradients=gradients) if p.compare is not None else None
    return Preset(key, title, p.description, p.config.replace(gradients=gradients, **changes), compare,
                  p.compare_title, p.y_max)


def _own(key: str, title: str, config: SimulationConfig, compare: SimulationConfig | None = None,
         compare_title: str | None = None) -> Preset:
    return Preset(key, title, "", config, compare, compare_title)


_BOOK = dict(samples=1000, features=100, depth=5, width=100, bins=30, seed=PRESET_SEED)
#: A network that widens from 100 inputs to 400 units: fan_in and fan_out differ in layer 1.
_WIDENING = dict(samples=1000, features=100, depth=5, width=400, bins=30, hist_range=(-1.0, 1.0), seed=PRESET_SEED)
#: Tanh at the published critical point of sigma_b^2 = 0.05 (Schoenholz et al. 2017).
_SIGMA_B2, _SIGMA_W2 = 0.05, 1.76

STEPS: tuple[Step, ...] = (
    Step(
        "equal_weights",
        QT_TR_NOOP("Equal weights: a hundred copies of one unit"),
        QT_TR_NOOP("Every weight is 0.1, so every unit of a layer computes exactly the same function of its "
                   "inputs: each column of the map is the same. On the way back each unit also receives the same "
                   "gradient, so training changes them all alike and can never tell them apart. A hundred units "
                   "are worth one."),
        QT_TR_NOOP("Wᵢⱼ = c  ⇒  aⱼ = φ(c · Σᵢ xᵢ) for every unit j"),
        _preset("equal_weights", "equal weights 0.1", gradients=True),
        "symmetry",
        pick.distinct_units,
    ),
    Step(
        "sigmoid_std1",
        QT_TR_NOOP("Sigmoid, std 1: saturated, yet the gradient keeps its size"),
        QT_TR_NOOP("With weights N(0, 1) the inputs of each sigmoid are large, so the activations pile up at 0 "
                   "and 1 and about half the units are saturated: each passes back almost none of its gradient. "
                   "Yet the gradient with respect to z keeps its size through these 5 layers, because weights ten "
                   "times larger make up for the small slopes. The vanishing gradient comes from the next step."),
        QT_TR_NOOP("χ₁ = σ_w² · E[σ′(z)²] = 100 · E[σ′(z)²] ≈ 1"),
        _preset("sigmoid_std1", "std 1", gradients=True),
        "book",
        pick.gradient_kept,
        "pre_gradients",
    ),
    Step(
        "sigmoid_std001",
        QT_TR_NOOP("Sigmoid, std 0.01: the gradient vanishes"),
        QT_TR_NOOP("With tiny weights every input of a sigmoid is near 0, so the activations crowd at 0.5 and "
                   "every unit says nearly the same thing. Going back, each layer multiplies the gradient by the "
                   "slope 1/4 times the weights' scale 0.01 · √100: it shrinks about forty times per layer. This "
                   "is the case whose gradients vanish."),
        QT_TR_NOOP("per layer: σ′(0) · σ · √n = ¼ · 0.01 · √100 = 1/40"),
        _preset("sigmoid_std0.01", "std 0.01", gradients=True),
        "book",
        pick.gradient_shrinks,
        "pre_gradients",
    ),
    Step(
        "sigmoid_xavier",
        QT_TR_NOOP("Sigmoid, Xavier: spread activations, shrinking gradients"),
        QT_TR_NOOP("The note's \"Xavier\" scales the weights by 1/√n: the activations stay spread over every "
                   "layer and none saturate. The gradients still shrink about four times per layer, because the "
                   "sigmoid's slope is at most 1/4. This is why tanh, and later ReLU with He, took over."),
        QT_TR_NOOP("σ = 1/√n  (LeCun 1998; the note's \"Xavier\"),   σ′(z) ≤ ¼"),
        _preset("sigmoid_xavier", "Xavier", gradients=True),
        "book",
        pick.gradient_shrinks_spread_kept,
        "pre_gradients",
    ),
    Step(
        "relu_std001",
        QT_TR_NOOP("ReLU, std 0.01: the signal fades"),
        QT_TR_NOOP("ReLU passes the positive half of its inputs unchanged. With weights of std 0.01 each layer "
                   "multiplies the spread by 0.01 · √(100/2), so the activations shrink toward 0 layer after "
                   "layer."),
        QT_TR_NOOP("per layer: σ · √(n/2) = 0.01 · √50 ≈ 0.07"),
        _preset("relu_std0.01", "std 0.01"),
        "book",
        pick.activations_shrink,
    ),
    Step(
        "relu_xavier",
        QT_TR_NOOP("ReLU with Xavier: the variance halves every layer"),
        QT_TR_NOOP("Xavier's 1/√n keeps the variance for a symmetric activation, but ReLU zeroes half of its "
                   "inputs. So the variance halves in every layer and the histograms slide toward 0. In a deep "
                   "network nothing would be left."),
        QT_TR_NOOP("Var zₗ = n σ² · ½ Var zₗ₋₁ = ½ Var zₗ₋₁   (σ = 1/√n)"),
        _preset("relu_xavier", "Xavier"),
        "book",
        pick.variance_halves,
    ),
    Step(
        "relu_he",
        QT_TR_NOOP("ReLU with He: the spread holds"),
        QT_TR_NOOP("He's std √(2/n) doubles the variance to make up for the half that ReLU zeroes, so every "
                   "layer has the spread of the one before: the predicted curve is the same in each. The measured "
                   "std wanders by a few percent per layer, up or down with the seed: that is finite width, "
                   "not a trend."),
        QT_TR_NOOP("σ = √(2/n)   (He et al. 2015):   Var zₗ = n · (2/n) · ½ Var zₗ₋₁ = Var zₗ₋₁"),
        _preset("relu_he", "He"),
        "book",
        pick.spread_holds,
    ),
    Step(
        "he_mistake",
        QT_TR_NOOP("The note's 2/√n is not He's √(2/n)"),
        QT_TR_NOOP("The lecture note writes He's std as 2/√n. That is √(4/n): it doubles the variance in every "
                   "layer, and the activations grow about √2 times per layer. He et al. use √(2/n), drawn below "
                   "it, which holds."),
        QT_TR_NOOP("2/√n = √(4/n):  Var × 2 per layer;     √(2/n):  Var × 1"),
        _preset("relu_he_mistake", "2/√n"),
        "book",
        pick.two_runs_last_std,
    ),
    Step(
        "xavier_glorot",
        QT_TR_NOOP("The note's \"Xavier\" is LeCun's; Glorot's differs"),
        QT_TR_NOOP("The std 1/√n that the note calls Xavier is LeCun's 1/√fan_in. Glorot and Bengio average "
                   "fan-in and fan-out, to balance the forward and the backward pass. With equal widths, as in "
                   "every book figure, the two are the same; here 100 inputs widen to 400 units, and Glorot's "
                   "first layer starts narrower."),
        QT_TR_NOOP("LeCun: σ = 1/√fan_in = 0.1     Glorot: σ = √(2/(fan_in + fan_out)) = √(2/500) ≈ 0.063"),
        _own("xavier_glorot", "LeCun 1/√fan_in", SimulationConfig(activation="tanh", init="lecun_normal",
                                                                    **_WIDENING),
             SimulationConfig(activation="tanh", init="glorot_normal", **_WIDENING), "Glorot"),
        "book",
        pick.first_layer_spread,
        "preactivations",
    ),
    Step(
        "deep_finite_width",
        QT_TR_NOOP("1000 layers of 100 units: where the prediction stops"),
        QT_TR_NOOP("The mean-field prediction assumes infinitely wide layers: for ReLU with He it is flat at "
                   "every depth. Each real layer of 100 units multiplies the spread by a random factor close to "
                   "1, and over 1000 layers these factors compound. What matters is depth divided by width "
                   "(Hanin & Rolnick 2018)."),
        QT_TR_NOOP("Var(log ‖aₗ‖²) grows like Σₗ 1/nₗ ≈ depth / width"),
        _own("deep_finite_width", "He, 1000 × 100",
             SimulationConfig(activation="relu", init="he", **{**_BOOK, "depth": 1000})),
        "deep",
        pick.deep_drift,
    ),
    Step(
        "phase_diagram",
        QT_TR_NOOP("Order, chaos and the edge between them"),
        QT_TR_NOOP("Every pair of weight variance σ_w² and bias variance σ_b² lies in an ordered phase, where "
                   "signals and gradients fade, or a chaotic one, where they explode. On the critical line "
                   "χ₁ = 1 they travel deepest (Poole et al. 2016; Schoenholz et al. 2017). The run sits on it: "
                   "tanh with σ_b² = 0.05."),
        QT_TR_NOOP("χ₁ = σ_w² · E[φ′(√q* z)²] = 1"),
        _own("phase_diagram", "tanh at the critical point",
             SimulationConfig(activation="tanh", init=InitSpec("variance_scaling", scale=_SIGMA_W2, mode="fan_in"),
                              bias="normal", bias_std=math.sqrt(_SIGMA_B2), samples=1000, features=100, depth=50,
                              width=100, bins=30, seed=PRESET_SEED, correlation=0.9)),
        "phase",
        pick.critical_point,
    ),
    Step(
        "training",
        QT_TR_NOOP("Does it change learning?"),
        QT_TR_NOOP("The book's network learns MNIST from three initializations. With std 0.01 the loss never "
                   "leaves ln 10 = 2.30: it guesses. Xavier and He both learn, and He learns fastest, while "
                   "Xavier lags early on."),
        QT_TR_NOOP("L = −Σ tₖ log softmax(z)ₖ;   chance: ln 10 ≈ 2.30"),
        TRAINING_PRESETS_BY_KEY["training_book"],
        "training",
        pick.final_losses,
    ),
)


def step_at(number: int) -> Step:
    """Step ``number`` (1-based); ValueError naming the range when there is none."""
    if not 1 <= number <= len(STEPS):
        raise ValueError(f"step {number} does not exist: the lecture has steps 1 to {len(STEPS)}")
    return STEPS[number - 1]
