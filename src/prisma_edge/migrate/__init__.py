"""The database side of a schema: DDL per dialect and `db push`."""
