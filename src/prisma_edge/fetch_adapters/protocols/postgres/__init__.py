"""PostgreSQL above the wire: the session, value types, SQLSTATE errors."""
