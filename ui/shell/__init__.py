"""The window around the pages: the main window, its actions and menus, plan files, printing."""
