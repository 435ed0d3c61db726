"""The SQLAlchemy adapter: tables, row <-> domain mapping, repositories, unit of work, migrations.

All SQL of hipcoach lives in this package.
"""
