"""The casualty rule on figures we make up."""

from __future__ import annotations

from datetime import date

from peacewatch.records import CasualtyReport
from peacewatch.resolve.casualties import is_named_authority, reconcile


def killed(value: int, day: int, qualifier: str = "exact", authority: str | None = None, doc: str = "") -> CasualtyReport:
    return CasualtyReport("killed", value, qualifier, doc or f"d{day}-{value}", date(2017, 1, day), authority)


def test_named_authority_beats_a_later_unofficial_count() -> None:
    result = reconcile([killed(25, 18), killed(77, 20, authority="the government"), killed(90, 22, authority="witnesses")])
    assert result.best == 77
    assert (result.low, result.high) == (25, 90)
    assert "named authority" in result.reason


def test_most_recent_report_wins_and_figures_are_never_summed() -> None:
    result = reconcile([killed(12, 18), killed(17, 19), killed(17, 20)])
    assert result.best == 17
    assert result.high == 17


def test_approximate_latest_figure_gives_way_to_latest_precise_one() -> None:
    result = reconcile([killed(60, 19), killed(80, 21, "nearly")])
    assert result.best == 60
    assert result.high == 80


def test_at_least_counts_its_number() -> None:
    assert reconcile([killed(12, 18, "at_least")]).best == 12


def test_one_document_restating_an_older_toll_counts_once() -> None:
    result = reconcile([killed(24, 26, doc="a"), killed(26, 26, doc="a")])
    assert result.best == 26 and len(result.figures) == 1


def test_unknown_toll_is_zero_for_deaths_and_unknown_for_injuries() -> None:
    assert reconcile([], "killed").best == 0
    assert reconcile([], "injured").best is None


def test_named_authorities_in_both_languages() -> None:
    assert is_named_authority("le ministère de la Défense")
    assert is_named_authority("MINUSMA")
    assert is_named_authority("the UN mission")
    assert is_named_authority("l'hôpital de Gao")
    assert not is_named_authority("une source sécuritaire")
    assert not is_named_authority("local residents")
    assert not is_named_authority(None)


def test_the_sentence_of_a_figure_names_its_authority_only_with_a_reporting_cue() -> None:
    from peacewatch.resolve.casualties import authority_in

    assert is_named_authority(authority_in("Nine people died in the raid, the governor of Mopti said."))
    assert is_named_authority(authority_in("Selon le ministère de la Défense, 12 soldats ont été tués."))
    assert not is_named_authority(authority_in("Selon des habitants, 30 personnes ont péri."))
    assert authority_in("Twelve soldiers of the army were killed.") is None


def test_figures_get_their_authority_from_the_document_text() -> None:
    from datetime import date

    from peacewatch.records import EventCandidate, Evidence
    from peacewatch.resolve.casualties import attribute, figure_sentences

    text = "Gunmen attacked a village. The health ministry said 14 people were killed. Residents spoke of 30 dead."
    start = text.index("14")
    candidate = EventCandidate(
        evidence=[Evidence("fatalities", start, start + 2, "14"), Evidence("fatalities", text.index("30"), text.index("30") + 2, "30")],
        casualty_reports=[CasualtyReport("killed", 14), CasualtyReport("killed", 30)],
    )
    attribute(candidate, figure_sentences(text, candidate))
    for report in candidate.casualty_reports:
        report.published = date(2017, 1, 2) if report.value == 30 else date(2017, 1, 1)
        report.document_id = str(report.value)
    assert [r.authority for r in candidate.casualty_reports] == ["ministry", "residents"]
    assert reconcile(candidate.casualty_reports).best == 14


def test_a_later_report_citing_no_source_updates_an_official_figure() -> None:
    result = reconcile([killed(13, 25, authority="the army"), killed(24, 26, authority="residents"), killed(26, 27)])
    assert result.best == 26


def test_a_document_quoting_a_claim_counts_its_official_figure() -> None:
    result = reconcile([killed(17, 21, authority="the government", doc="x"), killed(20, 21, doc="x")])
    assert result.best == 17


def test_a_vague_wider_toll_in_a_report_gives_way_to_its_count() -> None:
    """'Several hundred dead in the region this year' next to this attack's 9 dead."""
    result = reconcile([killed(9, 20, doc="a"), killed(100, 20, "vague", doc="a")])
    assert result.best == 9
    assert reconcile([killed(12, 20, "vague", doc="a")]).best == 12


def test_an_inquiry_by_the_mission_is_a_named_authority() -> None:
    from peacewatch.resolve.casualties import authority_in

    assert is_named_authority(authority_in("Selon la Mission, au moins 21 villageois ont été tués."))
    assert is_named_authority(authority_in("At least 21 villagers were killed, the Mission said in its report."))


def test_a_later_lower_unattributed_figure_does_not_replace_the_official_toll() -> None:
    official = killed(9, 19, authority="the authorities")
    assert reconcile([killed(2, 18), official, killed(4, 20)]).best == 9
    assert reconcile([killed(2, 18), official, killed(11, 20)]).best == 11


def test_figures_written_in_words_find_their_sentence() -> None:
    from peacewatch.records import EventCandidate, Evidence
    from peacewatch.resolve.casualties import attribute, figure_sentences, figures_in

    assert figures_in("Vingt-quatre civils tués") == [24]
    assert figures_in("one hundred and two dead") == [102]
    assert figures_in("un mort et deux blessés") == [1, 2]
    text = "Early reports spoke of two dead. Nine people died in the raid, the ministry said on Monday."
    start = text.index("Nine people died")
    candidate = EventCandidate(
        evidence=[Evidence("fatalities", start, start + 16, "Nine people died")],
        casualty_reports=[CasualtyReport("killed", 9, "exact", "d", date(2017, 1, 19), None)],
    )
    attribute(candidate, figure_sentences(text, candidate))
    assert candidate.casualty_reports[0].authority == "ministry"
