"""The lecture's command-line arguments (no Qt): ``lecture --list | --handout FILE.pdf``
and ``render --lecture N``, each with ``--lang``; and their checks, one line each."""

from __future__ import annotations

import argparse

from ..lecture import STEPS

LANGUAGES = ("en", "ko")


def add_lecture_command(sub) -> None:
    """``lecture [--list] [--handout FILE.pdf] [--lang ko|en]`` on the subparsers ``sub``."""
    lecture = sub.add_parser("lecture", help="the lecture's steps: list them or write the handout")
    lecture.add_argument("--list", dest="lecture_list", action="store_true",
                         help="print the steps, one a line: N<TAB>title")
    lecture.add_argument("--handout", default=None, metavar="FILE.pdf",
                         help="write the handout: one page per step (figure, caption, formula, configuration)")
    _language(lecture)


def add_render_lecture(render) -> None:
    render.add_argument("--lecture", dest="render_lecture", type=int, default=None, metavar="N",
                        help=f"draw lecture step N (1 to {len(STEPS)}) as the audience sees it")
    _language(render)


def _language(parser) -> None:
    # SUPPRESS: given before the command (``--lang ko lecture``) the main parser's value stays
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help="language of the titles and captions (default: as the window's)")


def step_problem(number: int | None) -> str | None:
    """One line when ``number`` is not a step of the lecture, else None."""
    if number is not None and not 1 <= number <= len(STEPS):
        return f"step {number} does not exist: the lecture has steps 1 to {len(STEPS)} (lecture --list)"
    return None
