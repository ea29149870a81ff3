"""MySQL / Vitess: parameter formatting, value types, error numbers."""
