"""SQLite: error messages -> error classes (shared by the local adapter and Cloudflare D1)."""
