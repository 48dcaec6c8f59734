"""Scoring extraction against gold sets (ACLED layout, malilink layout, seed JSON)."""
