"""The control panel: every parameter of a run, each with a tooltip giving its formula.

Only the parameters the chosen scheme and activation use are shown. Number fields take
plain numbers or formulas ("1/sqrt(100)"). Every edit emits ``changed``; the window
debounces it and calls ``config()``, which raises ``ConfigError`` for a bad value so
that the previous run stays on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..engine import ACTIVATIONS, ConfigError, SimulationConfig
from ..engine.config import DTYPES, MAX_BINS, MAX_DEPTH, MAX_SAMPLES, MAX_WIDTH
from ..engine.initializers import DISTRIBUTIONS, MODES
from .i18n import tr
from .numbers import format_number, parse_number, parse_range

#: Which float fields each scheme uses.
SCHEME_FIELDS = {
    "constant": ("value",),
    "zeros": (),
    "normal": ("std",),
    "truncated_normal": ("std",),
    "uniform": ("limit",),
    "variance_scaling": ("gain", "scale", "mode", "distribution"),
    "orthogonal": ("gain",),
    "lsuv": (),
}
FAN_FIELDS = ("gain",)


def activation_names() -> dict[str, str]:
    return {
        "linear": tr("linear"), "sigmoid": tr("sigmoid"), "tanh": tr("tanh"), "relu": tr("ReLU"),
        "leaky_relu": tr("leaky ReLU"), "elu": tr("ELU"), "selu": tr("SELU"), "gelu": tr("GELU (tanh approx.)"),
        "silu": tr("SiLU / Swish"), "softsign": tr("softsign"), "softplus": tr("softplus"),
    }


def activation_tips() -> dict[str, str]:
    return {
        "linear": tr("phi(z) = z; phi'(z) = 1"),
        "sigmoid": tr("s(z) = 1 / (1 + e^-z); s'(z) = s(z) (1 - s(z)), at most 1/4"),
        "tanh": tr("tanh(z); derivative 1 - tanh(z)^2; recommended gain 5/3"),
        "relu": tr("max(z, 0); derivative 1 for z > 0, else 0; gain sqrt(2) (He et al. 2015)"),
        "leaky_relu": tr("z for z > 0, slope * z otherwise (Maas et al. 2013); gain sqrt(2 / (1 + slope^2))"),
        "elu": tr("z for z > 0, alpha (e^z - 1) otherwise (Clevert et al. 2015)"),
        "selu": tr("lambda * ELU_alpha(z), lambda = 1.0507, alpha = 1.6733 (Klambauer et al. 2017); "
                   "meant for LeCun normal"),
        "gelu": tr("z * Phi(z), tanh approximation: 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))) "
                   "(Hendrycks & Gimpel 2016)"),
        "silu": tr("z * s(z) (Elfwing et al. 2017; Ramachandran et al. 2017)"),
        "softsign": tr("z / (1 + |z|); derivative 1 / (1 + |z|)^2"),
        "softplus": tr("log(1 + e^z); derivative s(z)"),
    }


def scheme_names() -> dict[str, str]:
    return {
        "constant": tr("constant (equal weights)"), "zeros": tr("zeros"), "normal": tr("normal N(0, std^2)"),
        "uniform": tr("uniform U(-a, a)"), "xavier": tr("Xavier (book): 1/sqrt(n)"),
        "glorot_normal": tr("Glorot normal"), "glorot_uniform": tr("Glorot uniform"),
        "he": tr("He normal: sqrt(2/n)"), "he_uniform": tr("He uniform"), "lecun_normal": tr("LeCun normal"),
        "lecun_uniform": tr("LeCun uniform"), "truncated_normal": tr("truncated normal"),
        "variance_scaling": tr("variance scaling"), "orthogonal": tr("orthogonal"), "lsuv": tr("LSUV"),
    }


def scheme_tips() -> dict[str, str]:
    return {
        "constant": tr("w = c for every weight: every unit computes the same function (the symmetry demo)"),
        "zeros": tr("w = 0: every activation is phi(bias)"),
        "normal": tr("w ~ N(0, std^2) with a free std"),
        "uniform": tr("w ~ U(-a, a); std = a / sqrt(3)"),
        "xavier": tr("The book's and the note's \"Xavier\": std = gain / sqrt(fan_in) "
                     "(Keras calls it LeCun normal)"),
        "glorot_normal": tr("Glorot & Bengio 2010: std = gain * sqrt(2 / (fan_in + fan_out))"),
        "glorot_uniform": tr("Glorot & Bengio 2010: U(-a, a), a = gain * sqrt(6 / (fan_in + fan_out))"),
        "he": tr("He et al. 2015: std = gain * sqrt(2 / fan_in). Not 2/sqrt(n), which doubles the variance "
                 "of a ReLU layer every layer"),
        "he_uniform": tr("He et al. 2015: U(-a, a), a = gain * sqrt(6 / fan_in)"),
        "lecun_normal": tr("LeCun et al. 1998: std = gain * sqrt(1 / fan_in)"),
        "lecun_uniform": tr("LeCun et al. 1998: U(-a, a), a = gain * sqrt(3 / fan_in)"),
        "truncated_normal": tr("N(0, std^2) cut at 2 std and divided by 0.8796 so that the std is kept"),
        "variance_scaling": tr("Keras VarianceScaling: std = gain * sqrt(scale / n), n = fan_in, fan_out or "
                               "(fan_in + fan_out) / 2; uniform: a = sqrt(3) std"),
        "orthogonal": tr("Saxe et al. 2013: QR of a Gaussian matrix, columns sign-corrected, times gain"),
        "lsuv": tr("Mishkin & Matas 2015: orthogonal, then each layer rescaled on the batch until its "
                   "output variance is 1 +- 0.01"),
    }


class NumberField(QLineEdit):
    """A line edit holding a number or formula; ``value()`` raises ValueError."""

    def __init__(self, name: str, tip: str, parent=None) -> None:
        super().__init__(parent)
        self.name = name
        self.setToolTip(tip)
        self.setPlaceholderText(self.tr("number or formula"))

    def value(self) -> float:
        try:
            value = parse_number(self.text())
        except ValueError as exc:
            self.setStyleSheet("border: 2px solid #D55E00;")  # vermillion: seen by everyone
            raise ConfigError(tr("{0}: {1}").format(self.name, exc)) from None
        if self.styleSheet():
            self.setStyleSheet("")
        return value

    def set_value(self, value: float) -> None:
        self.setText(format_number(value))


class ControlPanel(QWidget):
    """All controls of a run; ``changed`` on every edit, ``config()`` builds the run."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loading = False
        self._base = SimulationConfig()
        self._build()
        self.set_config(self._base)

    # -- construction -----------------------------------------------------------------
    def _combo(self, items: dict[str, str], tips: dict[str, str] | None = None) -> QComboBox:
        combo = QComboBox()
        for key, text in items.items():
            combo.addItem(text, key)
            if tips and key in tips:
                combo.setItemData(combo.count() - 1, tips[key], 3)  # Qt.ToolTipRole
        combo.currentIndexChanged.connect(self._edited)
        return combo

    def _spin(self, low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox(minimum=low, maximum=high)
        spin.setGroupSeparatorShown(True)
        spin.setKeyboardTracking(False)
        spin.setToolTip(tip)
        spin.valueChanged.connect(self._edited)
        return spin

    def _number(self, name: str, tip: str) -> NumberField:
        field = NumberField(name, tip)
        field.editingFinished.connect(self._edited)
        field.textEdited.connect(lambda text: self._typed(text, parse_number))
        return field

    def _typed(self, text: str, parse) -> None:
        """While typing, rerun only on text that already parses ("1/sqrt(" is on its way
        to "1/sqrt(100)"); Enter or leaving the field reports a bad value."""
        try:
            parse(text)
        except ValueError:
            return
        self._edited()

    def _build(self) -> None:
        self.activation = self._combo(activation_names(), activation_tips())
        self.activation.setToolTip(self.tr("The activation phi applied after every layer: a = phi(x W + b)"))
        self.alpha = self._number(self.tr("activation parameter"),
                                  self.tr("Leaky ReLU: slope for z < 0 (default 0.01). ELU: alpha (default 1)"))
        self.init = self._combo(scheme_names(), scheme_tips())
        self.init.setToolTip(self.tr("How each layer's weight matrix W (fan_in x fan_out) is drawn"))
        self.std = self._number(self.tr("std"), self.tr("Weight std sigma: w ~ N(0, sigma^2). "
                                                        "Formulas work: 1/sqrt(100), sqrt(2/100)"))
        self.value = self._number(self.tr("value"), self.tr("Constant c: every weight w = c"))
        self.limit = self._number(self.tr("limit"), self.tr("Limit a: w ~ U(-a, a), std = a / sqrt(3)"))
        self.gain = self._number(self.tr("gain"), self.tr(
            "Gain multiplying the std (torch calculate_gain): linear, sigmoid 1; tanh 5/3; ReLU sqrt(2); "
            "leaky ReLU sqrt(2 / (1 + slope^2)); SELU 3/4"))
        self.scale = self._number(self.tr("scale"), self.tr("Variance scaling: std = gain * sqrt(scale / n)"))
        self.mode = self._combo({m: m for m in MODES})
        self.mode.setToolTip(self.tr("n = fan_in, fan_out or (fan_in + fan_out) / 2"))
        self.distribution = self._combo({d: d for d in DISTRIBUTIONS})
        self.distribution.setToolTip(self.tr("normal N(0, std^2); truncated at 2 std (rescaled by 0.8796); "
                                             "uniform U(-a, a), a = sqrt(3) std"))
        self.depth = self._spin(1, MAX_DEPTH, self.tr("Number of layers"))
        self.width = self._spin(1, MAX_WIDTH, self.tr("Units per layer (the n of 1/sqrt(n))"))
        self.features = self._spin(1, MAX_WIDTH, self.tr("Input features: the fan_in of layer 1"))
        self.samples = self._spin(1, MAX_SAMPLES, self.tr("Rows of the input batch"))
        self.bins = self._spin(1, MAX_BINS, self.tr("Histogram bins (the book uses 30)"))
        self.range = QLineEdit()
        self.range.setToolTip(self.tr("Histogram range LOW, HIGH, or auto (the book: 0, 1 for every activation)"))
        self.range.editingFinished.connect(self._edited)
        self.range.textEdited.connect(lambda text: self._typed(text, parse_range))
        self.seed = self._spin(0, 2**31 - 1, self.tr("Seed of the random draws: same seed, same figure"))
        self.seed.setGroupSeparatorShown(False)
        self.new_seed = QPushButton(self.tr("New seed"))
        self.new_seed.setToolTip(self.tr("Draw new inputs and weights"))
        self.new_seed.clicked.connect(self._reseed)
        self.dtype = self._combo({d: d for d in DTYPES})
        self.dtype.setToolTip(self.tr("Floating-point precision of the simulation"))
        self.input = self._combo({"normal": self.tr("normal N(0, 1)"), "uniform": self.tr("uniform U(-1, 1)")})
        self.input.setToolTip(self.tr("Distribution of the input batch"))
        self.bias_std = self._number(self.tr("bias std"), self.tr("Biases b ~ N(0, sigma_b^2); 0: no bias "
                                                                  "(the book has none)"))
        self.gradients = QCheckBox(self.tr("Backward pass (gradients)"))
        self.gradients.setToolTip(self.tr("Back-propagate g ~ N(0, 1) from the top: dL/da and dL/dW = "
                                          "a_prev^T (dL/da * phi'(z)) per layer"))
        self.gradients.toggled.connect(self._edited)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("configError")
        self.error.setVisible(False)

        net = QGroupBox(self.tr("Network"))
        form = QFormLayout(net)
        form.addRow(self.tr("Activation"), self.activation)
        self._alpha_label = QLabel(self.tr("Parameter"))
        form.addRow(self._alpha_label, self.alpha)
        form.addRow(self.tr("Initialization"), self.init)
        self._rows = {}
        for key, widget, label in (("std", self.std, self.tr("Std")), ("value", self.value, self.tr("Value")),
                                   ("limit", self.limit, self.tr("Limit a")), ("gain", self.gain, self.tr("Gain")),
                                   ("scale", self.scale, self.tr("Scale")), ("mode", self.mode, self.tr("Mode")),
                                   ("distribution", self.distribution, self.tr("Distribution"))):
            lab = QLabel(label)
            lab.setToolTip(widget.toolTip())
            form.addRow(lab, widget)
            self._rows[key] = (lab, widget)
        form.addRow(self.tr("Depth"), self.depth)
        form.addRow(self.tr("Width"), self.width)
        form.addRow(self.tr("Bias std"), self.bias_std)

        data = QGroupBox(self.tr("Data and histograms"))
        form2 = QFormLayout(data)
        form2.addRow(self.tr("Samples"), self.samples)
        form2.addRow(self.tr("Features"), self.features)
        form2.addRow(self.tr("Input"), self.input)
        form2.addRow(self.tr("Bins"), self.bins)
        form2.addRow(self.tr("Range"), self.range)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        form2.addRow(self.tr("Seed"), seed_row)
        form2.addRow(self.tr("Precision"), self.dtype)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(net)
        layout.addWidget(data)
        layout.addWidget(self.gradients)
        layout.addWidget(self.error)
        layout.addStretch(1)

    # -- behaviour --------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._update_visibility()
        self.changed.emit()

    def _reseed(self) -> None:
        import secrets

        self.seed.setValue(secrets.randbelow(2**31 - 1))

    def _update_visibility(self) -> None:
        scheme = self.init.currentData()
        used = SCHEME_FIELDS.get(scheme, FAN_FIELDS)
        for key, (label, widget) in self._rows.items():
            label.setVisible(key in used)
            widget.setVisible(key in used)
        act = ACTIVATIONS[self.activation.currentData()]
        has_param = act.parameter_name is not None
        self._alpha_label.setVisible(has_param)
        self.alpha.setVisible(has_param)
        if has_param:
            self._alpha_label.setText(self.tr("Slope") if act.parameter_name == "slope" else self.tr("Alpha"))

    def show_error(self, message: str | None) -> None:
        """Show (or clear, with None) the message about a bad value."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def config(self) -> SimulationConfig:
        """The configuration the controls describe; ConfigError names a bad value."""
        try:
            hist_range = parse_range(self.range.text())
        except ValueError as exc:
            raise ConfigError(self.tr("range: {0}").format(exc)) from None
        act = ACTIVATIONS[self.activation.currentData()]
        alpha = self.alpha.value() if act.parameter_name is not None else None
        bias_std = self.bias_std.value()
        scheme = self.init.currentData()
        used = SCHEME_FIELDS.get(scheme, FAN_FIELDS)
        params = {}
        for key in ("std", "value", "limit", "gain", "scale"):
            params[key] = getattr(self, key).value() if key in used else getattr(SimulationConfig, key)
        params.update(self._kept(bias_std))
        return SimulationConfig(
            samples=self.samples.value(),
            features=self.features.value(),
            depth=self.depth.value(),
            activation=act.name,
            activation_param=alpha,
            init=scheme,
            mode=self.mode.currentData(),
            distribution=self.distribution.currentData(),
            bias_std=bias_std,
            input=self.input.currentData(),
            bins=self.bins.value(),
            hist_range=hist_range,
            dtype=self.dtype.currentData(),
            gradients=self.gradients.isChecked(),
            **params,
        )

    def _kept(self, bias_std: float) -> dict:
        """What a loaded configuration holds that the controls cannot show, kept while the
        controls still show it: a width per layer, a constant bias, a seed above 2^31."""
        base = self._base
        out = {"width": self.width.value(), "seed": self.seed.value(),
               "bias": "normal" if bias_std > 0 else "zeros"}
        if len(set(base.width)) > 1 and self.width.value() == base.width[0] and self.depth.value() == base.depth:
            out["width"] = base.width
        if self.seed.value() == min(base.seed, self.seed.maximum()):
            out["seed"] = base.seed
        if base.bias == "constant" and bias_std == 0:
            out.update(bias="constant", bias_value=base.bias_value)
        return out

    def set_config(self, config: SimulationConfig) -> None:
        """Show ``config`` in the controls without emitting ``changed``."""
        self._base = config
        self._loading = True
        try:
            self.activation.setCurrentIndex(self.activation.findData(config.activation))
            act = ACTIVATIONS[config.activation]
            self.alpha.set_value(act.parameter(config.activation_param))
            self.init.setCurrentIndex(self.init.findData(config.init))
            for key in ("std", "value", "limit", "gain", "scale"):
                getattr(self, key).set_value(getattr(config, key))
            self.mode.setCurrentIndex(self.mode.findData(config.mode))
            self.distribution.setCurrentIndex(self.distribution.findData(config.distribution))
            self.depth.setValue(config.depth)
            self.width.setValue(config.width[0])
            self.features.setValue(config.features)
            self.samples.setValue(config.samples)
            self.bins.setValue(config.bins)
            r = config.hist_range
            self.range.setText("auto" if r is None else f"{format_number(r[0])}, {format_number(r[1])}")
            self.seed.setValue(min(config.seed, self.seed.maximum()))
            self.dtype.setCurrentIndex(self.dtype.findData(config.dtype))
            self.input.setCurrentIndex(self.input.findData(config.input))
            self.bias_std.set_value(config.bias_std if config.bias == "normal" else 0.0)
            self.gradients.setChecked(config.gradients)
            self._update_visibility()
        finally:
            self._loading = False
        self.show_error(None)
