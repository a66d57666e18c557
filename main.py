"""Start initviz: the window, or a headless command such as ``python main.py simulate --json``."""

import sys

from initviz.cli import main

if __name__ == "__main__":
    sys.exit(main())
