"""Protocol codecs: bytes and text of PostgreSQL and MySQL, no I/O."""
