"""Tables of the auth component."""

from peacewatch.store.migrations import Migration

COMPONENT = "auth"

MIGRATIONS = [
    Migration(
        1,
        "users with hashed API tokens",
        (
            """CREATE TABLE users (
                name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, token_hash VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP)""",
            "CREATE UNIQUE INDEX users_token ON users (token_hash)",
        ),
    ),
]
