"""Use cases: load, call the domain, save. No SQL, no HTTP; keyword-only arguments."""
