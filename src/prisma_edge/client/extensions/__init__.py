"""What users attach to a client: event listeners and logs (`events`), `$extends`-style query
hooks, computed fields and methods (`extend`), and the global/per-query `omit` (`shaping`)."""
