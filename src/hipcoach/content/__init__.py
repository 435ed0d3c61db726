"""The catalogue and learn pages as data files, validated into domain objects at load."""
