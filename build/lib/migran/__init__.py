"""The composition root: settings, wiring and the `migran` command line."""
