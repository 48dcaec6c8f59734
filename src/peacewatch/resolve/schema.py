"""Resolution's own tables: analyst decisions that the resolver must respect.

A decision (merge, split, distinct) is stored with the candidates it concerns, never only with
event ids: event ids change when resolution re-runs, candidate ids do not. ``side`` groups the
candidates of a decision: a merge keeps every listed candidate together (one side); a split or a
"not the same event" keeps side 0 apart from side 1. A later decision that contradicts an older
one marks it inactive instead of deleting it, so the history stays readable.
"""

from peacewatch.store.migrations import Migration

COMPONENT = "resolve"

MIGRATIONS = [
    Migration(
        1,
        "analyst decisions: merges, splits, not-the-same-event constraints",
        (
            """CREATE TABLE resolution_decisions (
                decision_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, event_ids VARCHAR NOT NULL,
                note VARCHAR, decided_by VARCHAR, decided_at TIMESTAMP NOT NULL,
                active BOOLEAN NOT NULL, superseded_by VARCHAR)""",
            """CREATE TABLE resolution_decision_candidates (
                decision_id VARCHAR NOT NULL, side INTEGER NOT NULL, candidate_id VARCHAR NOT NULL,
                PRIMARY KEY (decision_id, candidate_id))""",
            "CREATE INDEX resolution_decision_candidates_candidate "
            "ON resolution_decision_candidates (candidate_id)",
        ),
    ),
]
