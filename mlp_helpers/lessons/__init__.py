"""Lesson helpers, one module per notebook topic, built on the numpy-only core.

``cases`` (the seeds' problems), ``notation`` (the seeds' weight names), ``paths`` (the chain
rule path by path, notebook 01), ``path_exercises`` (01's checks), ``linear_regression``
(notebook 02), ``symmetry`` (notebook 04), ``write_backprop`` (notebook 03's checks, on the
shared runner ``exercise_checks``). Nothing here imports matplotlib or ipywidgets.
"""
