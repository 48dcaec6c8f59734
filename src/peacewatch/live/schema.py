"""Tables of the live component: watched sources, what each has already delivered, and the
server's ingest jobs (pushes, polls) so a run id can be looked up after the job ended.

A component of its own (as alerts and auth are), so its versions never collide with the core
store's migrations.
"""

from peacewatch.store.migrations import Migration

COMPONENT = "live"

MIGRATIONS = [
    Migration(
        1,
        "watched sources, items already seen, server ingest jobs",
        (
            """CREATE TABLE live_sources (
                source_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, location VARCHAR NOT NULL,
                every_seconds INTEGER NOT NULL, etag VARCHAR, last_modified VARCHAR,
                next_poll_at TIMESTAMP NOT NULL, last_polled_at TIMESTAMP, last_status VARCHAR,
                last_error VARCHAR, failures INTEGER NOT NULL, last_run_id VARCHAR,
                created_by VARCHAR, created_at TIMESTAMP NOT NULL)""",
            "CREATE UNIQUE INDEX live_sources_location ON live_sources (location)",
            """CREATE TABLE live_seen (
                source_id VARCHAR NOT NULL, item_key VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL,
                seen_at TIMESTAMP NOT NULL, PRIMARY KEY (source_id, item_key))""",
            """CREATE TABLE live_jobs (
                job_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, label VARCHAR NOT NULL,
                source_id VARCHAR, state VARCHAR NOT NULL, run_id VARCHAR, submitted_by VARCHAR,
                submitted_at TIMESTAMP NOT NULL, started_at TIMESTAMP, finished_at TIMESTAMP,
                report VARCHAR)""",
        ),
    ),
]
