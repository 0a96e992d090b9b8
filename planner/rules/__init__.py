"""What the plan implies, computed from what the queries return: the conflict check, the
budget, rotations, transfers, grouping and the training's words. No writes, no SQL."""
