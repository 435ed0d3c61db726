"""The page routes, one module per area of the app."""
