"""Tables of the agreement tracker.

Agreement headers and provisions keep their nested parts as JSON (they are read whole);
milestones, observations, links, allegations, denials and verification steps are rows because
they are queried, appended to and reviewed one by one. Observations and verification steps are
append-only; nothing stores a current status or a score.
"""

from peacewatch.store.migrations import Migration

COMPONENT = "accords"

MIGRATIONS = [
    Migration(
        1,
        "agreements, provisions, milestones, observations, links, allegations",
        (
            """CREATE TABLE accord_agreements (
                agreement_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, data VARCHAR NOT NULL,
                origin VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL)""",
            """CREATE TABLE accord_provisions (
                provision_id VARCHAR PRIMARY KEY, agreement_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
                category VARCHAR NOT NULL, data VARCHAR NOT NULL)""",
            "CREATE INDEX accord_provisions_agreement ON accord_provisions (agreement_id)",
            """CREATE TABLE accord_milestones (
                milestone_id VARCHAR PRIMARY KEY, provision_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
                supersedes VARCHAR, data VARCHAR NOT NULL)""",
            "CREATE INDEX accord_milestones_provision ON accord_milestones (provision_id)",
            """CREATE TABLE accord_observations (
                observation_id VARCHAR PRIMARY KEY, provision_id VARCHAR NOT NULL, observed_on DATE NOT NULL,
                score INTEGER NOT NULL, suspended BOOLEAN NOT NULL, reversed BOOLEAN NOT NULL,
                origin VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL, data VARCHAR NOT NULL)""",
            "CREATE INDEX accord_observations_provision ON accord_observations (provision_id)",
            """CREATE TABLE accord_links (
                link_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, provision_id VARCHAR NOT NULL,
                relation VARCHAR NOT NULL, reason VARCHAR NOT NULL, proposed_by VARCHAR NOT NULL,
                state VARCHAR NOT NULL, reviewer VARCHAR, reviewed_at TIMESTAMP, note VARCHAR,
                created_at TIMESTAMP NOT NULL)""",
            "CREATE INDEX accord_links_event ON accord_links (event_id)",
            "CREATE INDEX accord_links_provision ON accord_links (provision_id)",
            """CREATE TABLE accord_allegations (
                allegation_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, provision_id VARCHAR,
                accuser VARCHAR NOT NULL, accused VARCHAR NOT NULL, what VARCHAR NOT NULL,
                alleged_on DATE, evidence VARCHAR NOT NULL, origin VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)""",
            "CREATE INDEX accord_allegations_event ON accord_allegations (event_id)",
            """CREATE TABLE accord_denials (
                allegation_id VARCHAR NOT NULL, denier VARCHAR NOT NULL, denied_on DATE,
                evidence VARCHAR NOT NULL, origin VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL,
                PRIMARY KEY (allegation_id, denier))""",
            """CREATE TABLE accord_verifications (
                allegation_id VARCHAR NOT NULL, seq INTEGER NOT NULL, status VARCHAR NOT NULL,
                verifier VARCHAR NOT NULL, verified_on DATE, note VARCHAR, recorded_at TIMESTAMP NOT NULL,
                PRIMARY KEY (allegation_id, seq))""",
        ),
    ),
]
