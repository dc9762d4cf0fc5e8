"""Helpers that belong to one notebook's lesson (its exercises and their checks)."""
