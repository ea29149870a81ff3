"""IR -> SQL: sqlglot expressions per dialect (one table of differences), reads and filters."""
