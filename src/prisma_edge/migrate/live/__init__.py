"""Live databases: introspection, scratch schemas for the differ, and `db pull` rendering."""
