"""The strings the window translates at run time that ``pyside6-lupdate`` cannot see.

lupdate reads ``tr("literal")`` calls; the window also calls ``tr(value)`` on values kept
in tables: preset titles and descriptions (``initviz/presets.py``), the engine's
descriptions of schemes, parameters and activations (``initviz/engine``: labels,
formulas, sources, notes, help), the phase diagram's named schemes and phases, and a few
tables of the window's own (view names, quantity names). ``table_strings()`` lists them
all; ``resources/translations/update.py`` writes them out as ``tr`` calls for lupdate,
and tests/test_translations.py checks every one has a translation. A new table whose
values go through ``tr`` is added to ``_tables`` below.
"""

from __future__ import annotations

from collections.abc import Iterator


def _tables() -> Iterator[str]:
    from ..engine import ACTIVATIONS, SCHEMES
    from ..engine.initializers import PARAMETERS
    from ..engine.phase import NAMED_SCHEMES, PHASES
    from ..presets import PRESETS, TRAINING_PRESETS
    from .figure_text import QUANTITY_NAMES
    from .menus import VIEW_ENTRIES
    from .phase_runs import NAMES as PHASE_QUANTITY_NAMES

    for preset in PRESETS + TRAINING_PRESETS:
        yield from (preset.title, preset.description, preset.compare_title or "")
        yield from (title for title, _ in preset.training)
    for scheme in SCHEMES.values():
        yield from (scheme.label, scheme.formula, scheme.source, scheme.note)
    parameters = list(PARAMETERS.values()) + [a.param for a in ACTIVATIONS.values() if a.param is not None]
    for parameter in parameters:
        yield from (parameter.name, parameter.label, parameter.help, parameter.allowed())
    for activation in ACTIVATIONS.values():
        yield from (activation.label, activation.formula, activation.source, activation.gain)
    yield from (name for name, _ in NAMED_SCHEMES)
    yield from PHASES
    yield from QUANTITY_NAMES.values()
    yield from PHASE_QUANTITY_NAMES.values()
    yield from (text for _, text, _ in VIEW_ENTRIES)


def table_strings() -> list[str]:
    """Every non-empty string of the tables, once, in a stable order."""
    return list(dict.fromkeys(s for s in _tables() if s))
