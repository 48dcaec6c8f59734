"""Tables of the alerts component: rules, raised alerts, subscriptions and deliveries.

A rule is kept whole as JSON (it is read whole and checked by its JSON Schema). An alert's id
is derived from its rule and the key of what it reports (a window, an event, an actor, a
milestone), so the primary key itself makes re-runs and re-ingests raise nothing twice. A
delivery row per alert and subscription records attempts, so webhooks are retried until they
succeed and never sent again afterwards.
"""

from peacewatch.store.migrations import Migration

COMPONENT = "alerts"

MIGRATIONS = [
    Migration(
        1,
        "alert rules, raised alerts, subscriptions and deliveries",
        (
            """CREATE TABLE alert_rules (
                rule_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL,
                data VARCHAR NOT NULL, created_by VARCHAR, created_at TIMESTAMP NOT NULL,
                updated_at TIMESTAMP NOT NULL)""",
            """CREATE TABLE alerts (
                alert_id VARCHAR PRIMARY KEY, rule_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
                alert_key VARCHAR NOT NULL, fired_on DATE, window_start DATE, window_end DATE,
                title VARCHAR NOT NULL, data VARCHAR NOT NULL, raised_at TIMESTAMP NOT NULL)""",
            "CREATE INDEX alerts_raised ON alerts (raised_at)",
            "CREATE INDEX alerts_rule ON alerts (rule_id)",
            """CREATE TABLE alert_subscriptions (
                subscription_id VARCHAR PRIMARY KEY, user_name VARCHAR NOT NULL, rule_id VARCHAR NOT NULL,
                channel VARCHAR NOT NULL, target VARCHAR NOT NULL, secret VARCHAR,
                created_at TIMESTAMP NOT NULL)""",
            """CREATE TABLE alert_deliveries (
                alert_id VARCHAR NOT NULL, subscription_id VARCHAR NOT NULL, status VARCHAR NOT NULL,
                attempts INTEGER NOT NULL, last_error VARCHAR, next_attempt_at TIMESTAMP,
                delivered_at TIMESTAMP, PRIMARY KEY (alert_id, subscription_id))""",
        ),
    ),
]
