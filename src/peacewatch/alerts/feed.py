"""Alerts as an Atom feed (RFC 4287), for feed readers and for tools that poll."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from peacewatch.alerts.records import Alert

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(moment: datetime | None) -> str:
    moment = moment or datetime.now(timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def atom_feed(alerts: Sequence[Alert], base_url: str, self_url: str) -> bytes:
    """One entry per alert, newest first, linking to the alert's page and to each event's."""
    ET.register_namespace("", ATOM)
    base = base_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "peacewatch alerts"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}/api/v1/alerts"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(max((a.raised_at for a in alerts if a.raised_at), default=None))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "peacewatch"
    for alert in alerts:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{base}/api/v1/alerts/{alert.alert_id}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = alert.title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(alert.raised_at)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f"{base}/#/alerts/{alert.alert_id}")
        for ev in alert.events:
            ET.SubElement(entry, f"{{{ATOM}}}link", rel="related", href=f"{base}{ev['href']}",
                          title=f"{ev['event_date']} {ev['event_type']} at {ev['location']}")
        ET.SubElement(entry, f"{{{ATOM}}}category", term=alert.kind)
        lines = [f"Rule: {alert.rule_name}."]
        if alert.window_start or alert.window_end:
            lines.append(f"Window: {alert.window_start or '…'} to {alert.window_end or '…'}.")
        lines += [f"{ev['event_date']}: {ev['event_type']} at {ev['location']} ({ev['fatalities'] or 0} killed)"
                  for ev in alert.events]
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = "\n".join(lines)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
