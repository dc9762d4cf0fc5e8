"""Pictures and explorers: matplotlib figures and ipywidgets built on the core."""
