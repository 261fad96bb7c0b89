"""``python -m tui``: the same entry point as the ``ox`` command."""

from __future__ import annotations

from tui.launcher import main

raise SystemExit(main())
