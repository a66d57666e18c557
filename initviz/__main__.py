"""``python -m initviz``: the same as ``python main.py``."""

import sys

from initviz.cli import main

sys.exit(main())
