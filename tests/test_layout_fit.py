"""How views decide their arrangement (initviz/ui/layout_fit.py), from pixel sizes alone."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from initviz.ui.layout_fit import COLUMN, GRID, ROW, TABS, arrange, layer_pages  # noqa: E402


def test_plots_go_from_a_grid_to_a_row_a_column_and_tabs_as_room_runs_out():
    sizes = [(400, 250)] * 4
    assert arrange(800, 500, sizes).kind == GRID
    assert arrange(799, 500, sizes).kind == TABS  # 2 x 400 wide no more; 4 x 250 high does not fit
    assert arrange(1600, 260, sizes).kind == ROW
    assert arrange(420, 1000, sizes).kind == COLUMN
    tabs = arrange(300, 300, sizes, current=2)
    assert tabs.kind == TABS and tabs.cells == (None, None, (0, 0), None)


def test_a_grid_takes_each_columns_widest_plot():
    # the first column's 500 and the second's 300 make 800; a 400 + 400 rule would not fit
    sizes = [(500, 200), (300, 200), (450, 200), (250, 200)]
    assert arrange(800, 400, sizes).kind == GRID
    assert arrange(790, 400, sizes).kind != GRID
    # a fifth plot alone on the last row spans both columns
    assert arrange(800, 600, sizes + [(700, 200)]).cells[4] == (2, 0)
    assert arrange(800, 600, sizes + [(900, 200)]).kind != GRID


def test_layers_wrap_onto_lines_then_pages_of_balanced_size():
    # 40 layers, 11 fit a line and 3 lines a page: two pages of 20, two lines of 10
    pages = layer_pages(40, 1100, 700, 100, 230)
    assert (pages.per_line, pages.lines, pages.pages) == (10, 2, 2)
    assert (pages.first, pages.last) == (1, 20)
    second = layer_pages(40, 1100, 700, 100, 230, page=5)  # clamped to the last page
    assert (second.page, second.first, second.last) == (1, 21, 40)
    assert list(second.line_layers(1)) == list(range(31, 41))
    # a run that fits one line stays on one line and one page
    one = layer_pages(5, 1100, 700, 100, 230)
    assert (one.per_line, one.lines, one.pages) == (5, 1, 1)
    # compared runs get a line each: no wrapping, pages instead
    many = layer_pages(10, 450, 900, 100, 230, runs=3)
    assert (many.per_line, many.lines, many.pages) == (4, 1, 3)
    assert [list(many.line_layers(0)) for _ in range(1)] == [[1, 2, 3, 4]]
