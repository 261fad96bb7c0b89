"""Findings beyond a view's own table: peers, the map, release diffs, and citing a view.

Lives here: forces like this one (``peers``, its figures from ``peer_figures``); the tile map of
the forces (``tilemap``, its values from ``map_measures``); what a release revised (``diff``,
``diff_codes``, ``diff_types``); citing and reproducing what a view shows (``citation``,
``reproduce``, ``view_citation``).

May import: ``tui.model.figures`` and the rooms below it. ``peers``, ``tilemap``, ``diff_types``,
``citation``, ``reproduce`` and ``view_citation`` are polars-free (the views import them); the
others query with Polars.

This package imports nothing: import the modules themselves.
"""
