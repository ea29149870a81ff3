"""Write programs: flat and nested writes, emulated referential actions, guards."""
