"""The edit form of every kind of item, one module per domain."""
