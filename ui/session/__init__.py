"""One open plan in the window: the controller (undo, refresh, polling) and the worker."""
