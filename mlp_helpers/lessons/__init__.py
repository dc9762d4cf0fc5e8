"""Helpers of single notebooks: the named quantities a lesson and its test both need."""
