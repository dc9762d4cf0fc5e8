"""Classroom tooling: student copies of the answer keys, and the links a teacher hands out.

Not imported by `import mlp_helpers`; run as `python -m mlp_helpers.tools.student_copies` and
`python -m mlp_helpers.tools.class_links`. `overrides.json` here is the quiet JupyterLab
settings file that pip installs into {sys.prefix}/share/jupyter/lab/settings/ (no news, no update
check, widget state saved with the notebook; Notebook 7 reads the same file).
"""
