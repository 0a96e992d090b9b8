"""``python -m planner``: the headless command line."""

from planner.cli import main

raise SystemExit(main())
