"""The text of Help > Guide, as HTML: the views, the statistics, the keys and the
formulas with their sources.

Offline and generated: the formulas and sources come from the engine's own tables
(``SCHEMES``, ``ACTIVATIONS``), the statistics from ``explain``, the keys from the
window's actions, so the Guide cannot drift from what the app does. Every sentence goes
through ``tr`` (the Korean translation covers it).
"""

from __future__ import annotations

import html

from ..engine import ACTIVATIONS, SCHEMES
from .explain import statistic_texts
from .i18n import tr


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _table(header: tuple[str, ...], rows) -> str:
    head = "".join(f"<th align='left'>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{body}</table>"


def views_html() -> str:
    items = [
        tr("<b>Layers side by side</b> (the book's figure, Alt+2): one histogram per layer on one x range and "
           "y scale; under each, its statistics. The curve over the bars is the mean-field prediction."),
        tr("<b>Deep view</b> (Alt+3, used above 16 layers): every layer's histogram as one heat map "
           "(layer by value), the std against depth (measured solid, predicted dashed), the saturated and dead "
           "shares against depth, and one layer drawn large: click a layer to choose it."),
        tr("<b>Symmetry view</b> (Alt+4, used for equal weights): the first 64 samples by 64 units of a layer. "
           "With equal weights every column is the same: the layer has one distinct unit. With the backward "
           "pass on, Show: gradients draws dL/da the same way: every unit also gets the same gradient, so "
           "training can never make the units differ."),
        tr("<b>Training</b> (Alt+5): the network learns MNIST; loss and accuracy per run."),
        tr("<b>Phase diagram</b> (Alt+6): order and chaos of the mean-field theory; click the map to move the run."),
        tr("<b>Show</b> picks what the histograms count: activations a = φ(z), pre-activations z = xW + b, or, "
           "with the backward pass on, the gradients dL/da, dL/dz and dL/dW. <b>Pin</b> keeps the current run "
           "on screen to compare it with the next ones (up to four)."),
        tr("Number fields take formulas: 1/sqrt(100), 2/sqrt(100), sqrt(2/100); the value is shown beside the "
           "field. Hover over a bar for its bin, count and share; over a number for what it measures."),
    ]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def statistics_html(activation: str = "sigmoid") -> str:
    texts = statistic_texts(activation)
    rows = "".join(f"<li>{_e(text)}</li>" for text in texts.values())
    distinct = tr("distinct units: how many different functions the layer's units compute; units equal for "
                  "every sample (within rounding) count as one, all dead units as one.")
    note = tr("Saturation here is for {0}; the hover text names it for the run's activation.").format(
        tr(ACTIVATIONS[activation].label))
    return f"<ul>{rows}<li>{_e(distinct)}</li></ul><p><i>{_e(note)}</i></p>"


def formulas_html() -> str:
    schemes = _table((tr("scheme"), tr("formula"), tr("source")),
                     ((tr(s.label), tr(s.formula), tr(s.source) or "-") for s in SCHEMES.values()))
    activations = _table((tr("activation"), tr("formula"), tr("source"), tr("recommended gain")),
                         ((tr(a.label), tr(a.formula), tr(a.source) or "-", tr(a.gain)) for a in ACTIVATIONS.values()))
    fans = tr("A layer's weights W have the shape (fan_in, fan_out): fan_in is the previous layer's width, the "
              "n of 1/√n. The book's \"Xavier\" is std 1/√fan_in (Keras calls it LeCun normal); Glorot & Bengio's "
              "own is √(2/(fan_in + fan_out)); the two agree when the layers are equally wide. He's std is "
              "√(2/n); the lecture note's 2/√n doubles the variance of a ReLU layer at every layer.")
    theory = tr("Mean-field prediction (Poole et al. 2016; Schoenholz et al. 2017): with weights of variance "
                "σ_w²/fan_in and biases of variance σ_b², the pre-activation variance of layer l is "
                "q_l = σ_w² E[φ(√q_(l-1) z)²] + σ_b², z ~ N(0, 1), computed by Gauss-Hermite quadrature; "
                "χ₁ = σ_w² E[φ′(√q* z)²] < 1: signals and gradients fade (ordered), > 1: they grow (chaotic).")
    return f"<p>{_e(fans)}</p>{schemes}<p></p>{activations}<p>{_e(theory)}</p>"


def keys_html(keys: list[tuple[str, str]]) -> str:
    """``keys``: (what it does, key sequence) pairs, as the window's actions give them."""
    note = tr("The keys work wherever the keyboard focus is, also in a number field.")
    return _table((tr("key"), tr("action")), ((k, t) for t, k in keys)) + f"<p>{_e(note)}</p>"


def guide_html(keys: list[tuple[str, str]], activation: str = "sigmoid") -> str:
    """The whole Guide."""
    sections = (
        (tr("The views"), views_html()),
        (tr("The numbers under each histogram"), statistics_html(activation)),
        (tr("Formulas and their sources"), formulas_html()),
        (tr("Keys"), keys_html(keys)),
    )
    intro = tr("initviz shows how the initial weights shape what flows through a deep network: the values of "
               "every layer for one batch of inputs, before any training. Every change to a control reruns it.")
    body = "".join(f"<h2>{_e(title)}</h2>{content}" for title, content in sections)
    return f"<h1>{_e(tr('initviz guide'))}</h1><p>{_e(intro)}</p>{body}"
