"""Built-in presets: the figures of the books and of a classic lecture on initialization, with a fixed seed.

Deep Learning from Scratch, ch. 6 (``weight_init_activation_histogram.py``): input
1000 x 100 standard normal, 5 layers of 100 units, no bias, 30 bins over (0, 1) for
every activation (the book uses that range for ReLU too). CS231n (lecture 6): 1000 x 500
input, 10 tanh layers of 500 units, 30 bins over (-1, 1). Qt-free: the command line
uses these too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine import InitSpec, SimulationConfig, TrainingConfig

#: The seed every preset uses, so that a lecture is repeatable figure for figure.
PRESET_SEED = 20150206

_BOOK = dict(samples=1000, features=100, depth=5, width=100, bins=30, hist_range=(0.0, 1.0), seed=PRESET_SEED)
_CS231N = dict(samples=1000, features=500, depth=10, width=500, bins=30, hist_range=(-1.0, 1.0), seed=PRESET_SEED)


#: The book's ReLU figures cut the count axis at 7,000 (``plt.ylim(0, 7000)`` in
#: ``weight_init_activation_histogram.py``): half of ReLU's outputs are exactly 0 and
#: their bar would flatten everything else.
BOOK_RELU_Y_MAX = 7000.0


@dataclass(frozen=True)
class Preset:
    """A named experiment; ``compare`` is a second configuration shown beside it, if any.

    ``y_max`` caps the count axis of the side-by-side histograms (None: fit the tallest bar).
    ``training``: the runs, (title, configuration), of a training comparison; such a preset
    opens the Training view, and ``config`` is its first run's network for the controls.
    """

    key: str
    title: str
    description: str
    config: SimulationConfig
    compare: SimulationConfig | None = None
    compare_title: str | None = None
    y_max: float | None = None
    training: tuple[tuple[str, TrainingConfig], ...] = ()


PRESETS: tuple[Preset, ...] = (
    Preset(
        "equal_weights",
        "Equal weights",
        "Every weight 0.1: every neuron computes the same function, the layer has one distinct unit.",
        SimulationConfig(activation="sigmoid", init=InitSpec("constant", value=0.1), **_BOOK),
    ),
    Preset(
        "sigmoid_std1",
        "Sigmoid, std 1",
        "Weights N(0, 1): activations pile up at 0 and 1; saturated units pass no gradient.",
        SimulationConfig(activation="sigmoid", init=InitSpec("normal", std=1.0), **_BOOK),
    ),
    Preset(
        "sigmoid_std0.01",
        "Sigmoid, std 0.01",
        "Weights N(0, 0.01^2): activations crowd at 0.5; every neuron says nearly the same.",
        SimulationConfig(activation="sigmoid", init=InitSpec("normal", std=0.01), **_BOOK),
    ),
    Preset(
        "sigmoid_xavier",
        "Sigmoid, Xavier",
        "std = 1/sqrt(n): the activations stay spread over every layer.",
        SimulationConfig(activation="sigmoid", init="xavier", **_BOOK),
    ),
    Preset(
        "relu_std0.01",
        "ReLU, std 0.01",
        "Weights N(0, 0.01^2): the activations shrink toward 0 layer by layer.",
        SimulationConfig(activation="relu", init=InitSpec("normal", std=0.01), **_BOOK),
        y_max=BOOK_RELU_Y_MAX,
    ),
    Preset(
        "relu_xavier",
        "ReLU, Xavier",
        "std = 1/sqrt(n): ReLU zeroes half the inputs, so the variance halves every layer.",
        SimulationConfig(activation="relu", init="xavier", **_BOOK),
        y_max=BOOK_RELU_Y_MAX,
    ),
    Preset(
        "relu_he",
        "ReLU, He",
        "std = sqrt(2/n) (He et al. 2015): the spread holds through the layers.",
        SimulationConfig(activation="relu", init="he", **_BOOK),
        y_max=BOOK_RELU_Y_MAX,
    ),
    Preset(
        "relu_he_mistake",
        "ReLU, the note's \"He\" 2/sqrt(n) vs sqrt(2/n)",
        "The note writes He's std as 2/sqrt(n): that doubles the variance every layer. "
        "The right one, sqrt(2/n), is shown beside it.",
        SimulationConfig(activation="relu", init=InitSpec("variance_scaling", scale=4.0, mode="fan_in"), **_BOOK),
        compare=SimulationConfig(activation="relu", init="he", **_BOOK),
        compare_title="He, sqrt(2/n)",
        y_max=BOOK_RELU_Y_MAX,
    ),
    Preset(
        "cs231n_tanh_std0.01",
        "CS231n: tanh, std 0.01",
        "10 tanh layers of 500, weights N(0, 0.01^2): activations collapse to 0.",
        SimulationConfig(activation="tanh", init=InitSpec("normal", std=0.01), **_CS231N),
    ),
    Preset(
        "cs231n_tanh_std1",
        "CS231n: tanh, std 1",
        "10 tanh layers of 500, weights N(0, 1): every unit saturates at -1 or 1.",
        SimulationConfig(activation="tanh", init=InitSpec("normal", std=1.0), **_CS231N),
    ),
    Preset(
        "cs231n_tanh_xavier",
        "CS231n: tanh, Xavier",
        "10 tanh layers of 500, std = 1/sqrt(n): a well-behaved spread in every layer.",
        SimulationConfig(activation="tanh", init="xavier", **_CS231N),
    ),
)

PRESETS_BY_KEY = {p.key: p for p in PRESETS}



def _book_training(init: InitSpec) -> TrainingConfig:
    """The book's training comparison (``weight_init_compare.py``): 784-100-100-100-100-10,
    ReLU, zero biases, SGD lr 0.01, minibatches of 128 with replacement, 2000 iterations."""
    return TrainingConfig(activation="relu", init=init, depth=4, width=100, optimizer="sgd", lr=0.01, batch=128,
                          iterations=2000, seed=PRESET_SEED)


#: The network of the training presets as the control panel shows it (the data sets the inputs).
_TRAINING_NET = dict(activation="relu", depth=4, width=100, features=784, bins=30, seed=PRESET_SEED)

#: Training comparisons: they open the Training view (not in PRESETS, whose every
#: configuration is a simulation of its own).
TRAINING_PRESETS: tuple[Preset, ...] = (
    Preset(
        "training_book",
        "Training: std 0.01, Xavier and He",
        "The book's comparison on MNIST: with std 0.01 the loss stays at ln 10 = 2.30 (chance) and nothing is "
        "learned; Xavier and He learn, He fastest.",
        SimulationConfig(init=InitSpec("normal", std=0.01), **_TRAINING_NET),
        training=(
            ("std 0.01", _book_training(InitSpec("normal", std=0.01))),
            ("Xavier", _book_training(InitSpec("xavier"))),
            ("He", _book_training(InitSpec("he"))),
        ),
    ),
    Preset(
        "training_equal_weights",
        "Training: equal weights vs He",
        "Every weight 0.01: every unit of a layer gets the same gradient, so the units stay identical through all "
        "of training (1 distinct unit per layer). He's units are all different.",
        SimulationConfig(init=InitSpec("constant", value=0.01), **_TRAINING_NET),
        training=(
            ("equal weights 0.01", _book_training(InitSpec("constant", value=0.01))),
            ("He", _book_training(InitSpec("he"))),
        ),
    ),
)

TRAINING_PRESETS_BY_KEY = {p.key: p for p in TRAINING_PRESETS}
