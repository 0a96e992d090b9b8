"""The Budget page and its tabs."""
