"""The fast statistics: optimisations of ``initviz.engine.statistics``, tested against it.

``statistics`` defines what a layer's statistics are, plainly. These kernels compute
the same in one pass over the matrices, in row blocks of about 2**18 elements, with
reused scratch and no per-element temporaries; ``tests/test_kernels.py`` checks them
against the definition (float64 counts equal; float32 counts equal but for values
within a float32 rounding of an edge, as float32 data are binned in float32).

- ``bins``: ``BinSpec`` and the index arithmetic (float32 data counted from the edge
  nearest zero; a block's index range from its min and max instead of clamping).
- ``moments``: a block's moments (float32 sums for float32 data), merged over blocks
  by Chan, Golub & LeVeque (1979).
- ``counting``: the specialised counting paths, one line each:
  ``joint`` (float64: z and a in one bincount over joint cells, the 2**52 trick),
  ``joint32`` (the same in float32 arithmetic),
  ``shared32`` (ReLU on one grid: one index of z gives both histograms, counted in pairs),
  ``single`` (one tensor alone: gradients), ``slow_part`` (a block with NaN or infinity).
- ``blocks``: one row block's statistics (extremes, saturated count, dead-unit flags,
  then the counting path that fits).
- ``summarizer``: the per-layer API (``row_blocks``, ``Summarizer``, ``merge_forward``).
- ``distinct``: ``distinct_units``, candidates by a random projection, then verified.
"""

from .bins import BinSpec, one_grid
from .distinct import distinct_units
from .moments import Moments
from .summarizer import Summarizer, merge_forward, row_blocks

__all__ = [
    "BinSpec",
    "Moments",
    "Summarizer",
    "distinct_units",
    "merge_forward",
    "one_grid",
    "row_blocks",
]
