"""Classroom tooling: student copies, links, an nbgrader course, the students' release, handouts.

Not imported by `import mlp_helpers`; each is a command (and a `make` target):

* `student_copies` (`make student`): the answer keys with solutions replaced by stubs;
* `class_links` (`make links`): Binder and nbgitpuller links;
* `course` (`make course`): an nbgrader course from the answer keys (`nbgrader_stubs` is the
  stub step its `nbgrader_config.py` plugs into nbgrader);
* `release` (`make release`): the students' repository, no answer key in it;
* `handouts` (`make handouts`): static HTML of every notebook.

`overrides.json` here is the quiet JupyterLab settings file that pip installs into
{sys.prefix}/share/jupyter/lab/settings/ (no news, no update check, widget state saved with the
notebook; Notebook 7 reads the same file).
"""
