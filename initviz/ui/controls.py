"""The control panel: every parameter of a run, each with a tooltip giving its formula.

The scheme and activation menus, the scheme parameters' fields and all their tooltips
are generated from the engine's descriptions (``SCHEMES``, ``PARAMETERS``,
``ACTIVATIONS``); only the parameters the chosen scheme and activation use are shown. Number fields take
plain numbers or formulas ("1/sqrt(100)"). Every edit emits ``changed``; the window
debounces it and calls ``config()``, which raises ``ConfigError`` for a bad value so
that the previous run stays on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..engine import ACTIVATIONS, SCHEMES, InitSpec, SimulationConfig
from ..engine.activations import Activation
from ..engine.config import DTYPES, MAX_BINS, MAX_DEPTH, MAX_SAMPLES, MAX_WIDTH
from ..engine.initializers import PARAMETERS, Scheme
from ..engine.parameters import Parameter, check_number
from .error_text import translated_error
from .i18n import tr
from .number_field import NumberField, RangeField
from .numbers import format_number, parse_number, parse_range


def _lines(*parts: str) -> str:
    """The non-empty parts, each translated, one a line."""
    return "\n".join(tr(p) for p in parts if p)


def scheme_tip(scheme: Scheme) -> str:
    """A scheme's tooltip: its formula, source and note."""
    return _lines(scheme.formula, scheme.source, scheme.note)


def activation_tip(act: Activation) -> str:
    """An activation's tooltip: its formula, source and recommended gain."""
    return "\n".join([_lines(act.formula, act.source), tr("recommended gain: {0}").format(tr(act.gain))])


def parameter_tip(parameter: Parameter) -> str:
    """A parameter's tooltip: its help, what is allowed and its default."""
    default = parameter.default if parameter.choices else format_number(parameter.default)
    lines = [tr(parameter.help), tr("allowed: {0}; default {1}").format(tr(parameter.allowed()), default)]
    if not parameter.choices:
        lines.append(tr("Formulas work: 1/sqrt(100), sqrt(2/100)"))
    return "\n".join(lines)


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
        self.activation = self._combo({a.name: tr(a.label) for a in ACTIVATIONS.values()},
                                      {a.name: activation_tip(a) for a in ACTIVATIONS.values()})
        self.activation.setToolTip(self.tr("The activation phi applied after every layer: a = phi(x W + b)"))
        self.alpha = self._number(self.tr("activation parameter"), "")
        self.init = self._combo({s.name: tr(s.label) for s in SCHEMES.values()},
                                {s.name: scheme_tip(s) for s in SCHEMES.values()})
        self.init.setToolTip(self.tr("How each layer's weight matrix W (fan_in x fan_out) is drawn"))
        # One field per scheme parameter, in PARAMETERS' order; a scheme shows the ones it uses.
        self.params: dict[str, NumberField | QComboBox] = {}
        for parameter in PARAMETERS.values():
            if parameter.choices:
                field = self._combo({c: c for c in parameter.choices})
            else:
                field = self._number(tr(parameter.name), "")
                field.check = parameter.check  # a bad value (-1 for a std) framed like a bad text
            field.setToolTip(parameter_tip(parameter))
            self.params[parameter.name] = field
        self.depth = self._spin(1, MAX_DEPTH, self.tr("Number of layers"))
        self.width = self._spin(1, MAX_WIDTH, self.tr("Units per layer (the n of 1/sqrt(n))"))
        self.features = self._spin(1, MAX_WIDTH, self.tr("Input features: the fan_in of layer 1"))
        self.samples = self._spin(1, MAX_SAMPLES, self.tr("Rows of the input batch"))
        self.bins = self._spin(1, MAX_BINS, self.tr("Histogram bins (the book uses 30)"))
        self.range = RangeField()
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
        self.bias_std.check = lambda v: check_number("bias std", v, low=0.0)
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
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for name, widget in self.params.items():
            label = QLabel(tr(PARAMETERS[name].label))
            label.setToolTip(widget.toolTip())
            form.addRow(label, widget)
            self._rows[name] = (label, widget)
        form.addRow(self.tr("Depth"), self.depth)
        form.addRow(self.tr("Width"), self.width)
        form.addRow(self.tr("Bias std"), self.bias_std)

        data = QGroupBox(self.tr("Data and histograms"))
        self._data_box = data
        form2 = QFormLayout(data)
        self._data_form = form2
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
        used = SCHEMES[self.init.currentData()].parameters
        for name, (label, widget) in self._rows.items():
            label.setVisible(name in used)
            widget.setVisible(name in used)
        act = ACTIVATIONS[self.activation.currentData()]
        param = act.param
        self.alpha.check = None if param is None else (lambda v: param.check(v, f"{act.label} {param.name}"))
        self._alpha_label.setVisible(param is not None)
        self.alpha.setVisible(param is not None)
        if param is not None:
            self._alpha_label.setText(tr(param.label))
            tip = parameter_tip(param)
            self._alpha_label.setToolTip(tip)
            self.alpha.setToolTip(tip)

    def set_training(self, training: bool) -> None:
        """While the Training view is shown, hide what training does not use: the input
        batch (samples, features, input), the histograms' bins and range (training has its
        own data, minibatch and edges) and the backward-pass switch (training always
        back-propagates). The seed and the precision stay: the runs use them."""
        for widget in (self.samples, self.features, self.input, self.bins, self.range):
            self._data_form.setRowVisible(widget, not training)
        self.gradients.setVisible(not training)
        self._data_box.setTitle(self.tr("Seed and precision") if training else self.tr("Data and histograms"))
        self.align_labels()

    def align_labels(self) -> None:
        """One label column for every form in the panel (the Training view's box too, once it is
        here): each form otherwise sizes its own, and the fields start at three different places."""
        role = QFormLayout.ItemRole.LabelRole
        labels = [item.widget() for box in self.findChildren(QGroupBox) if isinstance(box.layout(), QFormLayout)
                  for row in range(box.layout().rowCount()) if (item := box.layout().itemAt(row, role)) is not None
                  and item.widget() is not None]
        for label in labels:
            label.setMinimumWidth(0)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            QTimer.singleShot(0, self, self.align_labels)  # after the new font; dropped with the panel
        super().changeEvent(event)

    def show_error(self, message: str | None) -> None:
        """Show (or clear, with None) the message about a bad value."""
        self.error.setText(translated_error(message) if message else "")  # the engine's English translated
        self.error.setVisible(bool(message))

    def config(self) -> SimulationConfig:
        """The configuration the controls describe; ConfigError names a bad value."""
        hist_range = self.range.value()
        act = ACTIVATIONS[self.activation.currentData()]
        alpha = self.alpha.value() if act.param is not None else None
        bias_std = self.bias_std.value()
        scheme = SCHEMES[self.init.currentData()]
        init = InitSpec(scheme.name, **{name: self._param_value(name) for name in scheme.parameters})
        return SimulationConfig(
            samples=self.samples.value(),
            features=self.features.value(),
            depth=self.depth.value(),
            activation=act.name,
            activation_param=alpha,
            init=init,
            bias_std=bias_std,
            input=self.input.currentData(),
            bins=self.bins.value(),
            hist_range=hist_range,
            dtype=self.dtype.currentData(),
            gradients=self.gradients.isChecked(),
            **self._kept(bias_std),
        )

    def _param_value(self, name: str) -> float | str:
        field = self.params[name]
        return field.currentData() if isinstance(field, QComboBox) else field.value()

    def _kept(self, bias_std: float) -> dict:
        """What a loaded configuration holds that the controls cannot show, kept while the
        controls still show it: a width per layer, a constant bias, a seed above 2^31,
        pairs of correlated inputs (the phase view asks for them)."""
        base = self._base
        out = {"width": self.width.value(), "seed": self.seed.value(),
               "bias": "normal" if bias_std > 0 else "zeros"}
        if len(set(base.width)) > 1 and self.width.value() == base.width[0] and self.depth.value() == base.depth:
            out["width"] = base.width
        if self.seed.value() == min(base.seed, self.seed.maximum()):
            out["seed"] = base.seed
        if base.bias == "constant" and bias_std == 0:
            out.update(bias="constant", bias_value=base.bias_value)
        if base.correlation is not None and self.samples.value() >= 2:
            out["correlation"] = base.correlation
        return out

    def set_config(self, config: SimulationConfig) -> None:
        """Show ``config`` in the controls without emitting ``changed``."""
        self._base = config
        self._loading = True
        try:
            self.activation.setCurrentIndex(self.activation.findData(config.activation))
            act = ACTIVATIONS[config.activation]
            self.alpha.set_value(act.parameter(config.activation_param))
            self.init.setCurrentIndex(self.init.findData(config.init.name))
            for name, field in self.params.items():
                value = getattr(config.init, name)
                if isinstance(field, QComboBox):
                    field.setCurrentIndex(field.findData(value))
                else:
                    field.set_value(value)
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
