"""Pure training rules: values in, values out. Standard library only."""
