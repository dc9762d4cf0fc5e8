"""Pictures and explorers, the top layer: ``plots`` (matplotlib) and ``widgets`` (ipywidgets).

Loaded only when first used, so that ``import mlp_helpers`` stays numpy-only.
"""
