"""Print one of the README's two fresh-machine commands, so CI runs exactly what it says.

Usage: python3 .ci/readme_command.py run|test
The commands are the shell blocks that follow the markers ``<!-- command: run -->`` and
``<!-- command: test -->`` in README.md.
"""

import re
import sys
from pathlib import Path


def readme_command(name: str, readme: Path) -> str:
    text = readme.read_text(encoding="utf-8")
    match = re.search(r"<!-- command: " + re.escape(name) + r" -->\s*```(?:sh|bash)?\n(.*?)```", text, re.S)
    if not match:
        raise SystemExit(f"README.md has no '<!-- command: {name} -->' block")
    return match.group(1).strip()


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    print(readme_command(sys.argv[1], root / "README.md"))
