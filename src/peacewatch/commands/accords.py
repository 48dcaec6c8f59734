"""``peacewatch accords``: the peace-agreement tracker (agreements, provisions, links, allegations)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

import typer
import yaml
from rich.console import Console
from rich.table import Table

from peacewatch.accords import repository
from peacewatch.accords.loader import AgreementFileError, ensure_bundled, export_agreement, import_agreement, read_file
from peacewatch.accords.pipeline import relink_all
from peacewatch.accords.records import (
    CONFIDENCES,
    LINK_STATES,
    RELATIONS,
    VERIFICATION_STATUSES,
    StatusObservation,
    Verification,
)
from peacewatch.accords.view import UnknownAgreement, agreement_summaries, agreement_view, timeline, yearly_scores
from peacewatch.cli_options import DbOption
from peacewatch.store import Store, open_store

FormatOption = typer.Option("text", "--format", "-f", help="text or json.")
AsOfOption = typer.Option(None, "--as-of", help="Compute status, delays and scores as of this date (YYYY-MM-DD); default today.")


def _date(value: str | None, name: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=name) from None


def _format(value: str, allowed: tuple[str, ...] = ("text", "json")) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"choose one of {', '.join(allowed)}", param_hint="--format")
    return value


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _fail(message: str, code: int = 1) -> NoReturn:
    Console(stderr=True).print(f"[red]error[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _open(db: Path, create: bool = False) -> Store:
    """The store with the bundled agreements; only ``import`` may create a new store."""
    store = open_store(db, create=create)
    ensure_bundled(store)
    return store


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def register(app: typer.Typer) -> None:
    accords = typer.Typer(
        help="Peace agreements: provisions, deadlines, status history, allegations, links to events.",
        no_args_is_help=True,
    )
    app.add_typer(accords, name="accords")

    @accords.command("list")
    def list_command(db: Path = DbOption, as_of: str = AsOfOption, fmt: str = FormatOption) -> None:
        """List the agreements in the store with their implementation score."""
        with _open(db) as store:
            rows = agreement_summaries(store, _date(as_of))
        if _format(fmt) == "json":
            _print_json(rows)
            return
        table = Table("id", "agreement", "signed", "score", "assessed")
        for row in rows:
            score = row["score"]
            table.add_row(row["id"], row["short_name"] or row["name"], ", ".join(row["signed"]),
                          _pct(score["score"]), f"{score['assessed']}/{score['provisions']}")
        Console().print(table)

    @accords.command("show")
    def show_command(
        agreement: str = typer.Argument(..., help="Agreement id, e.g. mali-2015."),
        db: Path = DbOption, as_of: str = AsOfOption, fmt: str = FormatOption,
    ) -> None:
        """Show an agreement: provisions, due dates, status, delays, linked events and allegations."""
        with _open(db) as store:
            try:
                view = agreement_view(store, agreement, _date(as_of))
            except UnknownAgreement as exc:
                _fail(str(exc.args[0]))
        if _format(fmt) == "json":
            _print_json(view)
            return
        _print_agreement(view)

    @accords.command("timeline")
    def timeline_command(
        agreement: str = typer.Argument(..., help="Agreement id."),
        db: Path = DbOption, as_of: str = AsOfOption, fmt: str = FormatOption,
    ) -> None:
        """Everything dated about an agreement, oldest first: signatures, due dates, observations, events."""
        with _open(db) as store:
            try:
                items = timeline(store, agreement, _date(as_of))
            except UnknownAgreement as exc:
                _fail(str(exc.args[0]))
        if _format(fmt) == "json":
            _print_json(items)
            return
        table = Table("date", "kind", "provision", "what")
        for item in items:
            table.add_row(item["date"] or "?", item["kind"], (item["provision"] or "").split("/")[-1], item["text"])
        Console().print(table)

    @accords.command("score")
    def score_command(
        agreement: str = typer.Argument(..., help="Agreement id."),
        db: Path = DbOption, as_of: str = AsOfOption, fmt: str = FormatOption,
    ) -> None:
        """Implementation score (Peace Accords Matrix: points / (3 x provisions)) per year and now."""
        with _open(db) as store:
            try:
                rows = yearly_scores(store, agreement, _date(as_of))
            except UnknownAgreement as exc:
                _fail(str(exc.args[0]))
        if _format(fmt) == "json":
            _print_json(rows)
            return
        table = Table("year", "as of", "score", "points", "assessed", "score over assessed")
        for row in rows:
            table.add_row(str(row["year"]), row["as_of"], _pct(row["score"]), f"{row['points']}/{row['max_points']}",
                          f"{row['assessed']}/{row['provisions']}", _pct(row["assessed_score"]))
        Console().print(table)

    @accords.command("import")
    def import_command(
        file: Path = typer.Argument(..., help="Agreement file (YAML or JSON, format peacewatch-agreement/1)."),
        db: Path = DbOption,
    ) -> None:
        """Validate an agreement file and add it to the store (re-importing replaces it)."""
        try:
            text = read_file(file)
            with _open(db, create=True) as store:
                agreement_id = import_agreement(store, text, origin=str(file))
                summary = relink_all(store)
        except AgreementFileError as exc:
            _fail(str(exc), 2)
        typer.echo(f"imported {agreement_id}; links proposed: {summary.links_proposed}")

    @accords.command("export")
    def export_command(
        agreement: str = typer.Argument(..., help="Agreement id."),
        db: Path = DbOption,
        output: Path = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
        fmt: str = typer.Option("yaml", "--format", "-f", help="yaml or json."),
    ) -> None:
        """Write an agreement in the import format (with analysts' observations)."""
        with _open(db) as store:
            try:
                data = export_agreement(store, agreement)
            except KeyError:
                _fail(f"no agreement {agreement!r}")
        text = (json.dumps(data, indent=2, ensure_ascii=False) + "\n" if _format(fmt, ("yaml", "json")) == "json"
                else yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, "utf-8")

    @accords.command("propose")
    def propose_command(db: Path = DbOption) -> None:
        """Re-run the link rules and allegation reading over every event in the store."""
        with _open(db) as store:
            summary = relink_all(store)
        for key, value in summary.as_dict().items():
            typer.echo(f"{key.replace('_', ' ')}: {value}")

    @accords.command("links")
    def links_command(
        db: Path = DbOption,
        state: str = typer.Option(None, help=f"Only links in this state: {', '.join(LINK_STATES)}."),
        relation: str = typer.Option(None, help=f"Only this relation: {', '.join(RELATIONS)}."),
        provision: str = typer.Option(None, help="Only links to this provision (id or id prefix)."),
        fmt: str = FormatOption,
    ) -> None:
        """List event-provision links for review, with the rule and reason behind each."""
        if state is not None and state not in LINK_STATES:
            raise typer.BadParameter(f"choose one of {', '.join(LINK_STATES)}", param_hint="--state")
        if relation is not None and relation not in RELATIONS:
            raise typer.BadParameter(f"choose one of {', '.join(RELATIONS)}", param_hint="--relation")
        where, params = ["TRUE"], []
        for column, value in (("state", state), ("relation", relation)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if provision:
            where.append("provision_id LIKE ?")
            params.append(provision.replace("%", "") + "%")
        with _open(db) as store:
            found = repository.links(store, " AND ".join(where), tuple(params))
            rows = []
            for link in found:
                event = store.event(link.event_id)
                rows.append({**link.to_dict(), "event_date": event.event_date.isoformat() if event and event.event_date else None,
                             "event_type": event.event_type if event else None})
        if _format(fmt) == "json":
            _print_json(rows)
            return
        table = Table("link", "state", "event", "date", "relation", "provision", "reason")
        for row in rows:
            table.add_row(row["link_id"], row["state"], row["event_id"], row["event_date"] or "?", row["relation"],
                          row["provision_id"], row["reason"])
        Console().print(table)

    def _review(link: str, state: str, by: str, note: str, db: Path) -> None:
        with _open(db) as store:
            matches = [lk for lk in repository.links(store) if lk.link_id.startswith(link)]
            if len(matches) != 1:
                _fail(f"{'no' if not matches else 'more than one'} link matches {link!r}")
            with store.transaction():
                repository.review_link(store, matches[0].link_id, state, by, note)
        typer.echo(f"{matches[0].link_id}: {state} by {by}")

    @accords.command("confirm")
    def confirm_command(
        link: str = typer.Argument(..., help="Link id (or a unique prefix)."),
        by: str = typer.Option(..., "--by", help="Reviewer name."),
        note: str = typer.Option("", help="Why."),
        db: Path = DbOption,
    ) -> None:
        """Confirm a proposed link: the event does bear on the provision as stated."""
        _review(link, "confirmed", by, note, db)

    @accords.command("reject")
    def reject_command(
        link: str = typer.Argument(..., help="Link id (or a unique prefix)."),
        by: str = typer.Option(..., "--by", help="Reviewer name."),
        note: str = typer.Option("", help="Why."),
        db: Path = DbOption,
    ) -> None:
        """Reject a proposed link; the rules will not propose it again."""
        _review(link, "rejected", by, note, db)

    @accords.command("observe")
    def observe_command(
        provision: str = typer.Argument(..., help="Provision id, e.g. mali-2015/moc."),
        on: str = typer.Option(..., "--date", help="Date observed (YYYY-MM-DD)."),
        score: int = typer.Option(..., min=0, max=3, help="0 not started, 1 minimal, 2 intermediate, 3 full."),
        suspended: bool = typer.Option(False, "--suspended", help="Implementation is suspended."),
        reversed_: bool = typer.Option(False, "--reversed", help="Implementation went backwards."),
        meets: list[str] = typer.Option([], "--meets", help="Milestone id reached on that date (repeatable)."),
        event: list[str] = typer.Option([], "--event", help="Event id as evidence (repeatable)."),
        document: list[str] = typer.Option([], "--document", help="Document id as evidence (repeatable)."),
        assessor: str = typer.Option("peacewatch", help="Who assesses (a person or a named report)."),
        note: str = typer.Option("", help="What was observed."),
        source: str = typer.Option("", help="Source of the observation."),
        confidence: str = typer.Option("medium", help="high, medium, low or check."),
        db: Path = DbOption,
    ) -> None:
        """Append a status observation to a provision (observations are never edited)."""
        when = _date(on, "--date")
        if confidence not in CONFIDENCES:
            raise typer.BadParameter(f"choose one of {', '.join(CONFIDENCES)}", param_hint="--confidence")
        with _open(db) as store:
            prov = repository.provision(store, provision)
            if prov is None:
                _fail(f"no provision {provision!r}")
            known = {m.id for m in repository.milestones(store, provision)}
            full = [m if m in known else f"{provision}/{m}" for m in meets]
            unknown = [m for m in full if m not in known]
            if unknown:
                _fail(f"unknown milestone(s) {', '.join(unknown)}; known: {', '.join(sorted(known)) or 'none'}")
            obs = StatusObservation(
                id=f"{provision}/obs-{uuid.uuid4().hex[:10]}", provision_id=provision, observed_on=when, score=score,
                suspended=suspended, reversed=reversed_, meets=full, assessor=assessor, note=note,
                events=list(event), documents=list(document), source=source, confidence=confidence, origin="analyst",
            )
            with store.transaction():
                repository.add_observation(store, obs)
        typer.echo(obs.id)

    @accords.command("verify")
    def verify_command(
        allegation: str = typer.Argument(..., help="Allegation id (or a unique prefix)."),
        status: str = typer.Argument(..., help=f"One of: {', '.join(VERIFICATION_STATUSES)}."),
        by: str = typer.Option(..., "--by", help="Who established it (a person, a commission, a report)."),
        on: str = typer.Option(None, "--date", help="When (YYYY-MM-DD); default today."),
        note: str = typer.Option("", help="Why."),
        db: Path = DbOption,
    ) -> None:
        """Record a new verification status for an allegation (its history is kept)."""
        if status not in VERIFICATION_STATUSES:
            raise typer.BadParameter(f"choose one of {', '.join(VERIFICATION_STATUSES)}", param_hint="STATUS")
        with _open(db) as store:
            matches = [a for a in repository.allegations(store) if a.id.startswith(allegation)]
            if len(matches) != 1:
                _fail(f"{'no' if not matches else 'more than one'} allegation matches {allegation!r}")
            with store.transaction():
                repository.add_verification(
                    store, matches[0].id, Verification(status=status, by=by, on=_date(on, "--date") or date.today(), note=note))
        typer.echo(f"{matches[0].id}: {status} ({by})")

    @accords.command("allegations")
    def allegations_command(db: Path = DbOption, fmt: str = FormatOption) -> None:
        """List allegations with their denials and verification status."""
        with _open(db) as store:
            found = repository.allegations(store)
        if _format(fmt) == "json":
            _print_json([{**a.to_dict(), "verification_status": a.verification_status} for a in found])
            return
        table = Table("allegation", "date", "accuser", "accused", "what", "denied by", "status")
        for a in found:
            table.add_row(a.id, a.alleged_on.isoformat() if a.alleged_on else "?", a.accuser, a.accused, a.what,
                          ", ".join(d.by for d in a.denials), a.verification_status)
        Console().print(table)


def _print_agreement(view: dict[str, Any]) -> None:
    console = Console()
    score = view["score"]
    console.print(f"[bold]{view['name']}[/bold] ({view['id']})", highlight=False)
    ids = ", ".join(f"{k}: {v}" for k, v in view["identifiers"].items())
    if view["terminated_on"]:
        console.print(f"terminated on {view['terminated_on']}", highlight=False)
    console.print(f"as of {view['as_of']}; score {_pct(score['score'])} ({score['points']}/{score['max_points']} points, "
                  f"{score['assessed']}/{score['provisions']} provisions assessed){'; ' + ids if ids else ''}", highlight=False)
    for d in view["dates"]:
        console.print(f"  {d['date']} {d['kind']} {', '.join(d.get('parties', []))} {d.get('note', '')}".rstrip(), highlight=False)
    for prov in view["provisions"]:
        status = prov["status"]
        flags = [f for f in ("suspended", "reversed") if status.get(f)]
        console.print(f"\n[bold]{prov['title']}[/bold] [{prov['category']}] {prov['id']}", highlight=False)
        console.print(f"  status: {status['label']}{' (' + ', '.join(flags) + ')' if flags else ''}"
                      f"{' since ' + status['since'] if status['since'] else ''}; delay: "
                      f"{'–' if prov['delay_days'] is None else str(prov['delay_days']) + ' days'}", highlight=False)
        for ms in prov["milestones"]:
            delay = "" if ms["delay_days"] is None else f", delay {ms['delay_days']} days"
            console.print(f"  due {ms['due'] or '–'} ({ms['due_rule']}): {ms['description']} — {ms['state']}{delay}",
                          highlight=False)
        for ev in prov["events"]:
            console.print(f"  {ev['relation']} by {ev['event_id']} {ev.get('event_date') or ''} "
                          f"{ev.get('event_type') or ''} [{ev['state']}]: {ev['reason']}", highlight=False)
        for alg in prov["allegations"]:
            denied = f"; denied by {', '.join(d['by'] for d in alg['denials'])}" if alg["denials"] else ""
            console.print(f"  allegation: {alg['accuser']} accuses {alg['accused']} ({alg['what']}){denied}; "
                          f"{alg['verification_status']}", highlight=False)
