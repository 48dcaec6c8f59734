"""Core tables: documents, ingest runs and log, event candidates, events, evidence, event rollups,
and the work a run leaves for the next one (extractions to retry, events awaiting the hooks)."""

from peacewatch.store.migrations import Migration

COMPONENT = "core"

_EVENT_COLUMNS = """
    event_date DATE, time_precision INTEGER, event_type VARCHAR, sub_event_type VARCHAR,
    actor1 VARCHAR, assoc_actor_1 VARCHAR, inter1 INTEGER, actor2 VARCHAR, assoc_actor_2 VARCHAR,
    inter2 INTEGER, interaction INTEGER, civilian_targeting VARCHAR, country VARCHAR, iso3 VARCHAR,
    admin1 VARCHAR, admin2 VARCHAR, admin3 VARCHAR, location VARCHAR, latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION, geo_precision INTEGER, fatalities INTEGER, fatalities_low INTEGER,
    fatalities_high INTEGER, injuries INTEGER, injuries_low INTEGER, injuries_high INTEGER,
    status VARCHAR, claimed_by VARCHAR, denied_by VARCHAR, notes VARCHAR, confidence DOUBLE PRECISION
"""

# Kept in step with store.base.ROLLUP_DIMENSIONS by a test; spelt out here because a migration's
# SQL must not change once released.
_ROLLUP_DIMENSIONS = "country, admin1, event_type, sub_event_type, status, review_state"
_ROLLUP_COLUMNS = """
    country VARCHAR, admin1 VARCHAR, event_type VARCHAR, sub_event_type VARCHAR, status VARCHAR,
    review_state VARCHAR, events BIGINT NOT NULL, fatalities BIGINT NOT NULL
"""

MIGRATIONS = [
    Migration(
        1,
        "documents, ingest log, candidates, events, evidence",
        (
            """CREATE TABLE documents (
                id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, published DATE, language VARCHAR,
                title VARCHAR, url VARCHAR, source VARCHAR, origin VARCHAR, fetched_at TIMESTAMP,
                published_from VARCHAR, near_duplicate_group VARCHAR, minhash BYTEA,
                ingested_at TIMESTAMP NOT NULL)""",
            """CREATE TABLE document_origins (
                document_id VARCHAR NOT NULL, origin VARCHAR NOT NULL, first_seen TIMESTAMP NOT NULL,
                PRIMARY KEY (document_id, origin))""",
            """CREATE TABLE ingest_runs (
                run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
                paths VARCHAR, extractor VARCHAR, status VARCHAR NOT NULL, summary VARCHAR)""",
            """CREATE TABLE ingest_log (
                run_id VARCHAR NOT NULL, seq INTEGER NOT NULL, origin VARCHAR NOT NULL,
                status VARCHAR NOT NULL, reason VARCHAR, document_id VARCHAR,
                logged_at TIMESTAMP NOT NULL, PRIMARY KEY (run_id, seq))""",
            """CREATE TABLE candidates (
                candidate_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, extractor VARCHAR,
                event_id VARCHAR, event_date DATE, event_type VARCHAR, country VARCHAR,
                admin1 VARCHAR, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
                data VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)""",
            "CREATE INDEX candidates_event ON candidates (event_id)",
            "CREATE INDEX candidates_doc ON candidates (doc_id)",
            f"""CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY, {_EVENT_COLUMNS},
                sources VARCHAR NOT NULL, review_state VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, data VARCHAR NOT NULL)""",
            "CREATE INDEX events_date ON events (event_date)",
            """CREATE TABLE evidence (
                event_id VARCHAR NOT NULL, document_id VARCHAR NOT NULL, candidate_id VARCHAR,
                field VARCHAR NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
                text VARCHAR NOT NULL)""",
            "CREATE INDEX evidence_event ON evidence (event_id)",
            """CREATE TABLE event_tombstones (
                event_id VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL, merged_into VARCHAR,
                deleted_at TIMESTAMP NOT NULL)""",
        ),
    ),
    Migration(
        2,
        "machine output kept apart from analyst reviews",
        (
            "ALTER TABLE events ADD COLUMN machine VARCHAR",
            """CREATE TABLE reviews (
                review_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, reviewer VARCHAR NOT NULL,
                reviewed_at TIMESTAMP NOT NULL, action VARCHAR NOT NULL, field VARCHAR, before VARCHAR,
                after VARCHAR, reason VARCHAR NOT NULL, reverted_by VARCHAR)""",
            "CREATE INDEX reviews_event ON reviews (event_id)",
        ),
    ),
    Migration(3, "the id a JSONL input gave a document", ("ALTER TABLE documents ADD COLUMN external_id VARCHAR",)),
    Migration(
        4,
        "daily and monthly event rollups for aggregates",
        (
            f"CREATE TABLE event_rollup_daily (day DATE NOT NULL, {_ROLLUP_COLUMNS})",
            f"CREATE TABLE event_rollup_monthly (month DATE NOT NULL, {_ROLLUP_COLUMNS})",
            f"INSERT INTO event_rollup_daily SELECT event_date, {_ROLLUP_DIMENSIONS}, COUNT(*), "
            f"SUM(COALESCE(fatalities, 0)) FROM events WHERE event_date IS NOT NULL "
            f"GROUP BY event_date, {_ROLLUP_DIMENSIONS} ORDER BY event_date",
            f"INSERT INTO event_rollup_monthly SELECT CAST(DATE_TRUNC('month', day) AS DATE), {_ROLLUP_DIMENSIONS}, "
            f"SUM(events), SUM(fatalities) FROM event_rollup_daily GROUP BY 1, {_ROLLUP_DIMENSIONS} ORDER BY 1",
        ),
    ),
    Migration(
        5,
        "how much of a document's publication date is known (day, month, year)",
        (
            "ALTER TABLE documents ADD COLUMN published_precision VARCHAR",
            "UPDATE documents SET published_precision = 'day' WHERE published IS NOT NULL",
        ),
    ),
    Migration(
        6,
        "documents whose extraction failed, to retry; events waiting for the after-resolution hooks",
        (
            """CREATE TABLE extraction_failures (
                document_id VARCHAR PRIMARY KEY, extractor VARCHAR NOT NULL, reason VARCHAR NOT NULL,
                attempts INTEGER NOT NULL, failed_at TIMESTAMP NOT NULL)""",
            "CREATE TABLE hook_queue (event_id VARCHAR PRIMARY KEY, queued_at TIMESTAMP NOT NULL)",
        ),
    ),
]
