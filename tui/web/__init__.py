"""``ox serve``: the explorer in a browser (optional extra ``offence-explorer[web]``).

- ``access``: who may reach the server (loopback, the token, the Host and Origin headers).
- ``server``: textual-serve's server with what it lacks (the token, a session bound, relative
  URLs, an offline page, every session's app ended on shutdown).
- ``sessions``: one app process per browser tab, started without a shell and always ended.
- ``session_app``: what runs in that process (the explorer, read-only unless imports are allowed).

Nothing in the TUI or the lookups imports this package (an import-linter contract); only
``ox serve`` does, when it runs.
"""
