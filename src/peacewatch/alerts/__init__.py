"""Alerts: rules over the event table and the agreement tracker, raised once, delivered to the
dashboard, the API and its Atom feed, webhooks and email (docs/alerts.md)."""
