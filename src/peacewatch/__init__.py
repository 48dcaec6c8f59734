"""peacewatch: conflict reports to verified, geocoded, deduplicated events."""

__version__ = "0.1.0"
