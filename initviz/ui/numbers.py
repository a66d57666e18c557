"""Parse the numbers typed into the control panel (Qt-free).

A number field accepts a plain number ("0.01", "1e-3") or a small arithmetic formula,
so that a lecturer can type the note's own expressions: "1/sqrt(100)", "2/sqrt(100)",
"sqrt(2/100)". Only numbers, + - * / ** and sqrt, exp, log, pi, e are allowed; anything
else is a ``ValueError`` with a one-line message.
"""

from __future__ import annotations

import ast
import math
import operator

from ..engine.parameters import quoted

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.Pow: operator.pow}
_UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg}
_FUNCTIONS = {"sqrt": math.sqrt, "exp": math.exp, "log": math.log}
_CONSTANTS = {"pi": math.pi, "e": math.e}
MAX_LENGTH = 100


def parse_number(text: str) -> float:
    """The value of ``text``; ValueError (one line) when it is not a finite number or formula."""
    text = text.strip()
    if "," in text and "." not in text:  # a decimal comma
        text = text.replace(",", ".")
    text = text.replace("^", "**")
    if not text:
        raise ValueError("empty")
    if len(text) > MAX_LENGTH:
        raise ValueError("too long")
    try:
        value = _eval(ast.parse(text, mode="eval").body)
    except (SyntaxError, TypeError, ZeroDivisionError, OverflowError, ValueError, KeyError) as exc:
        raise ValueError(f"not a number: {quoted(text)}") from exc
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {quoted(text)}")
    return float(value)


def _eval(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left), _eval(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > 1000:
            raise ValueError("exponent too large")
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval(node.operand))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 and not node.keywords:
        return _FUNCTIONS[node.func.id](_eval(node.args[0]))
    if isinstance(node, ast.Name):
        return _CONSTANTS[node.id]
    raise ValueError("unsupported expression")


def parse_range(text: str) -> tuple[float, float] | None:
    """'auto' or '' -> None; 'LOW, HIGH' (or 'LOW HIGH') -> (low, high)."""
    text = text.strip()
    if text.lower() in ("", "auto"):
        return None
    parts = [p for p in text.replace(";", " ").replace(",", " ").split() if p]
    if len(parts) != 2:
        raise ValueError(f"expected 'auto' or two numbers LOW, HIGH; got {quoted(text)}")
    return parse_number(parts[0]), parse_number(parts[1])


def format_number(x: float) -> str:
    """Shortest text that parses back to ``x``."""
    return repr(float(x)) if not float(x).is_integer() else str(int(x)) if abs(x) < 1e15 else repr(float(x))
