"""``python -m ui``: the same as the ``planner`` command."""

from ui.launcher import main

raise SystemExit(main())
