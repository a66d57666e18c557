"""The PNG export's options: the image's scale or width, and whether the title and the
configuration footer go with it.

Scale and width are two ways to say one thing (width = scale x the view's width); the
dialog keeps them in step and shows the image's size in pixels before it is written.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from .export import DEFAULT_SCALE, MAX_SIDE, Decoration, png_size


class PngOptions(QDialog):
    """Scale (default 2x the view), width in pixels, title and footer on or off."""

    def __init__(self, view: QWidget, decoration: Decoration, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export view as PNG"))
        self.view = view
        self.decoration = decoration
        base = max(view.width(), 1)
        self.scale = QDoubleSpinBox(minimum=0.25, maximum=MAX_SIDE / base, singleStep=0.5, decimals=2)
        self.scale.setSuffix("x")
        self.scale.setToolTip(self.tr("Times the view's size on screen; text and lines are redrawn sharp"))
        self.width = QSpinBox(minimum=16, maximum=MAX_SIDE)
        self.width.setSuffix(self.tr(" px"))
        self.width.setToolTip(self.tr("Width of the image; the height follows the view's shape"))
        self.decorate = QCheckBox(self.tr("Title and configuration footer"))
        self.decorate.setChecked(True)
        self.decorate.setToolTip(self.tr("A title above the figure and a line under it naming the activation, "
                                         "the scheme with its formula, depth, width and seed"))
        self.size_label = QLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Width"), self.width)
        form.addRow(self.decorate)
        form.addRow(self.tr("Image"), self.size_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.scale.valueChanged.connect(self._scale_changed)
        self.width.valueChanged.connect(self._width_changed)
        self.decorate.toggled.connect(self._show_size)
        self.scale.setValue(DEFAULT_SCALE)
        self._scale_changed(self.scale.value())

    def chosen_scale(self) -> float:
        """The scale that gives the chosen width."""
        return self.width.value() / max(self.view.width(), 1)

    def chosen_decoration(self) -> Decoration | None:
        return self.decoration if self.decorate.isChecked() else Decoration()

    def _scale_changed(self, scale: float) -> None:
        self.width.blockSignals(True)
        self.width.setValue(round(scale * self.view.width()))
        self.width.blockSignals(False)
        self._show_size()

    def _width_changed(self, width: int) -> None:
        self.scale.blockSignals(True)
        self.scale.setValue(width / max(self.view.width(), 1))
        self.scale.blockSignals(False)
        self._show_size()

    def _show_size(self, *_args) -> None:
        size = png_size(self.view, self.chosen_scale(), self.chosen_decoration())
        self.size_label.setText(self.tr("{0} x {1} pixels").format(size.width(), size.height()))
