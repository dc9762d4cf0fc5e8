"""nbgrader's solution stubs made the same as the student copies' (`make student`).

nbgrader replaces every `### BEGIN SOLUTION` block with one stub, `raise NotImplementedError()`.
At the top level of a cell that stops Run All at the first exercise, and the explorers after it
never draw. `StudentStubs` replaces a block by the stub `student_copies.stub_source` writes: a
`raise` only inside a function body, `name = ...  # YOUR ANSWER HERE` at the top level. The
course's `nbgrader_config.py` (written by `make course`) puts it in place of ClearSolutions.

Imports nbgrader: only nbgrader loads this module (teacher's hub, `make test`).
"""

from nbgrader import utils
from nbgrader.preprocessors import ClearSolutions

from mlp_helpers.tools.student_copies import solution_blocks, stub_source


class StudentStubs(ClearSolutions):
    """ClearSolutions with the student copies' stubs for solution code cells (other cells keep
    nbgrader's own handling, which refuses a solution block outside a solution cell)."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code" or not utils.is_solution(cell):
            return super().preprocess_cell(cell, resources, cell_index)
        where = f"cell {cell.metadata['nbgrader'].get('grade_id', cell_index)}"
        if not solution_blocks(cell.source, where):
            return super().preprocess_cell(cell, resources, cell_index)  # a whole-cell answer
        cell.source = stub_source(cell.source, where)
        return cell, resources
