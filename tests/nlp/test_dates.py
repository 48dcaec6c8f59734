"""Date mentions in our own example sentences, resolved against a publication date."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.lang import LanguageError
from peacewatch.nlp.dates import DateMention, find_dates, main_date

# 15 March 2017 was a Wednesday.
PUBLISHED = date(2017, 3, 15)


def one(text: str, language: str = "en", published: date = PUBLISHED) -> DateMention:
    mentions = find_dates(text, language, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Gunmen attacked the post on 26 January.", "en", date(2017, 1, 26)),
        ("Gunmen attacked the post on January 26.", "en", date(2017, 1, 26)),
        ("Gunmen attacked the post on 26 Jan. 2016.", "en", date(2016, 1, 26)),
        ("Gunmen attacked the post on January 26th, 2016.", "en", date(2016, 1, 26)),
        ("Des hommes armés ont attaqué le poste le 18 janvier 2016.", "fr", date(2016, 1, 18)),
        ("Le poste a été attaqué le 1er mars.", "fr", date(2017, 3, 1)),
        ("Le poste a été attaqué le 18/01/2016.", "fr", date(2016, 1, 18)),
        ("Report dated 2016-01-18.", "en", date(2016, 1, 18)),
    ],
)
def test_absolute_dates(text: str, language: str, expected: date) -> None:
    mention = one(text, language)
    assert (mention.value, mention.precision, mention.kind, mention.future) == (expected, 1, "absolute", False)
    assert text[mention.start:mention.end] == mention.text


def test_past_day_after_publication_goes_to_previous_year() -> None:
    assert one("The camp was shelled on 20 November.").value == date(2016, 11, 20)


def test_year_rollover_for_january_reports_about_december() -> None:
    published = date(2018, 1, 4)
    assert one("Militants ambushed a convoy on 29 December.", published=published).value == date(2017, 12, 29)
    december = one("Attacks rose sharply in December.", published=published)
    assert (december.value, december.end_value, december.kind) == (date(2017, 12, 1), date(2017, 12, 31), "month")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The elections will be held on 29 July.", "en"),
        ("The conference is scheduled for 2 April.", "en"),
        ("Le scrutin est prévu le 29 juillet.", "fr"),
        ("La réunion se tiendra le 2 avril à Bamako.", "fr"),
    ],
)
def test_future_context_gives_the_next_such_date(text: str, language: str) -> None:
    mention = one(text, language)
    assert mention.future
    assert mention.value > PUBLISHED
    assert mention.value.year == 2017


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Gunmen attacked the village yesterday.", "en", date(2017, 3, 14)),
        ("The post was attacked today.", "en", date(2017, 3, 15)),
        ("The post was attacked last night.", "en", date(2017, 3, 14)),
        ("The post was attacked this morning.", "en", date(2017, 3, 15)),
        ("Le poste a été attaqué hier.", "fr", date(2017, 3, 14)),
        ("Le poste a été attaqué avant-hier.", "fr", date(2017, 3, 13)),
        ("Le poste a été attaqué aujourd'hui.", "fr", date(2017, 3, 15)),
    ],
)
def test_relative_days(text: str, language: str, expected: date) -> None:
    mention = one(text, language)
    assert (mention.value, mention.precision, mention.kind) == (expected, 1, "relative")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The convoy was ambushed on Monday.", "en", date(2017, 3, 13)),
        ("The convoy was ambushed Sunday near Gao.", "en", date(2017, 3, 12)),
        ("Le convoi a été attaqué lundi.", "fr", date(2017, 3, 13)),
        ("Le convoi a été attaqué jeudi dernier.", "fr", date(2017, 3, 9)),
        ("The convoy was ambushed on Thursday.", "en", date(2017, 3, 9)),
    ],
)
def test_weekdays_are_the_latest_on_or_before_publication(text: str, language: str, expected: date) -> None:
    mention = one(text, language)
    assert (mention.value, mention.kind) == (expected, "weekday")


def test_publication_weekday_is_the_publication_day_unless_last() -> None:
    # Same-day wire reports name the day: "attacked on Wednesday morning", published Wednesday.
    assert one("The convoy was ambushed on Wednesday morning.").value == PUBLISHED
    assert one("The convoy was ambushed last Wednesday.").value == date(2017, 3, 8)
    assert one("Le convoi a été attaqué mercredi dernier.", "fr").value == date(2017, 3, 8)


def test_night_between_two_weekdays() -> None:
    mention = one("Le camp a été attaqué dans la nuit de samedi à dimanche.", "fr")
    assert (mention.value, mention.end_value, mention.precision) == (date(2017, 3, 11), date(2017, 3, 12), 1)


def test_weeks_and_weekends_have_week_precision() -> None:
    last_week = one("Two villages were burned last week.")
    assert (last_week.value, last_week.end_value, last_week.precision) == (date(2017, 3, 6), date(2017, 3, 12), 2)
    weekend = one("Des affrontements ont eu lieu ce week-end.", "fr")
    assert (weekend.value, weekend.precision) == (date(2017, 3, 11), 2)
    semaine = one("Deux villages ont été incendiés la semaine dernière.", "fr")
    assert semaine.value == date(2017, 3, 6)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On 3 March the post fell. A week later the army returned.", "en", date(2017, 3, 10)),
        ("On 3 March the post fell. Two days later the army returned.", "en", date(2017, 3, 5)),
        ("On 3 March the post fell. The next day the army returned.", "en", date(2017, 3, 4)),
        ("Le 3 mars, le poste est tombé. Le lendemain, l'armée est revenue.", "fr", date(2017, 3, 4)),
        ("Le 3 mars, le poste est tombé. La veille, des tirs avaient été entendus.", "fr", date(2017, 3, 2)),
        ("Le 3 mars, le poste est tombé. Trois jours plus tard, l'armée est revenue.", "fr", date(2017, 3, 6)),
        ("On 3 March a mine hit a truck. A few hours later a second blast hit a patrol.", "en", date(2017, 3, 3)),
        ("On 3 March a mine hit a truck. Later the same morning a patrol was hit.", "en", date(2017, 3, 3)),
        ("Le 3 mars, une mine a explosé. Quelques heures plus tard, une patrouille a été visée.", "fr", date(2017, 3, 3)),
    ],
)
def test_anaphors_count_from_the_date_before(text: str, language: str, expected: date) -> None:
    first, second = find_dates(text, language, PUBLISHED)
    assert second.kind == "anaphoric"
    assert second.value == expected


def test_anaphor_without_a_date_before_counts_from_publication() -> None:
    assert one("The next day the army returned.").value == date(2017, 3, 16)


def test_date_anaphor_keeps_the_year_of_the_known_date() -> None:
    published = date(2019, 6, 1)
    text = "On 18 January 2017 gunmen attacked the camp. The 18 January attack was claimed by JNIM."
    first, second = find_dates(text, "en", published)
    assert first.value == second.value == date(2017, 1, 18)


def test_month_range() -> None:
    mention = one("Clashes continued in September and October 2016.")
    assert (mention.value, mention.end_value, mention.precision, mention.kind) == (
        date(2016, 9, 1), date(2016, 10, 31), 3, "range"
    )


def test_month_alone() -> None:
    mention = one("Several attacks took place in February.")
    assert (mention.value, mention.end_value, mention.precision, mention.kind) == (
        date(2017, 2, 1), date(2017, 2, 28), 3, "month"
    )


def test_day_ranges() -> None:
    short = one("Operations ran between 12 and 15 June.")
    assert (short.value, short.end_value, short.precision, short.kind) == (
        date(2016, 6, 12), date(2016, 6, 15), 2, "range"
    )
    long = one("Des opérations ont eu lieu du 2 au 20 février.", "fr")
    assert (long.value, long.end_value, long.precision) == (date(2017, 2, 2), date(2017, 2, 20), 3)


@pytest.mark.parametrize(
    ("text", "language", "year"),
    [("The conflict began in 2012.", "en", 2012), ("Le nord est instable depuis 2012.", "fr", 2012),
     ("En 2013, l'armée est revenue.", "fr", 2013)],
)
def test_years_alone_are_background(text: str, language: str, year: int) -> None:
    mention = one(text, language)
    assert (mention.kind, mention.value, mention.precision) == ("year", date(year, 1, 1), 3)


@pytest.mark.parametrize(
    "text",
    ["The 2015 agreement is still not applied.", "Resolution 2100 created the mission.",
     "Talks lasted 60 days.", "The mandate runs for 18 months.", "They may 5 times have tried."],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, "en", PUBLISHED) == []


def test_main_date_skips_background_plans_and_claims() -> None:
    text = ("Since 2012 the area has been unstable. On 6 March gunmen attacked the post. "
            "JNIM claimed the attack on 9 March. Elections will be held on 2 April.")
    mentions = find_dates(text, "en", PUBLISHED)
    assert main_date(mentions, PUBLISHED, text, "en")[:2] == (date(2017, 3, 6), 1)


def test_main_date_defaults_to_publication() -> None:
    assert main_date([], PUBLISHED) == (PUBLISHED, 1, None)


def test_main_date_codes_a_week_at_its_middle() -> None:
    text = "Two villages were burned last week."
    value, precision, _ = main_date(find_dates(text, "en", PUBLISHED), PUBLISHED, text, "en")
    assert (value, precision) == (date(2017, 3, 9), 2)


def test_main_date_skips_an_anaphor_relating_another_event() -> None:
    text = "Villagers were attacked after a herder was killed the day before."
    assert main_date(find_dates(text, "en", PUBLISHED), PUBLISHED, text, "en")[0] == PUBLISHED


def test_other_numeric_forms() -> None:
    assert one("Attack reported on 12/31/2016.").value == date(2016, 12, 31)
    assert one("Le rapport du 31.12.2016 le confirme.", "fr").value == date(2016, 12, 31)


def test_french_weekend_expression() -> None:
    mention = one("Au cours du week-end, deux attaques ont été signalées.", "fr")
    assert (mention.value, mention.end_value, mention.precision) == (date(2017, 3, 11), date(2017, 3, 12), 2)


def test_last_day_month_before_publication_with_dernier() -> None:
    published = date(2018, 1, 9)
    assert one("Le 18 janvier dernier, le poste a été attaqué.", "fr", published).value == date(2017, 1, 18)


_WORDS = (
    "On 26 January 2017 le 1er mars 18/01/2017 yesterday hier lundi Monday the next day le "
    "lendemain two days later trois jours plus tard in September and October between 12 and 15 "
    "June will prévu since 2012 depuis last week la semaine dernière , . gunmen attacked"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_any_text_gives_consistent_mentions(words: list[str], published: date) -> None:
    text = " ".join(words)
    for language in ("en", "fr"):
        mentions = find_dates(text, language, published)
        for mention in mentions:
            assert text[mention.start:mention.end] == mention.text
            assert mention.precision in (1, 2, 3)
            assert mention.future or mention.value <= published
            assert mention.end_value is None or mention.end_value >= mention.value
        value, precision, _ = main_date(mentions, published, text, language)
        assert value <= published and precision in (1, 2, 3)


@pytest.mark.parametrize("text", ["Protesters will march 5 km to the square.", "Talks may 3 times fail."])
def test_lower_case_english_homonyms_are_not_months(text: str) -> None:
    assert [m for m in find_dates(text, "en", PUBLISHED) if m.kind != "relative"] == []


def test_a_plan_told_in_the_past_is_not_future() -> None:
    mention = one("A planned ceremony on 18 February had been called off.")
    assert (mention.value, mention.future) == (date(2017, 2, 18), False)
    mention = one("La cérémonie, prévue le 18 février, a été annulée.", "fr")
    assert (mention.value, mention.future) == (date(2017, 2, 18), False)


def test_anaphor_after_a_future_date_is_future_too() -> None:
    text = "The authorities are due to be installed on Friday 17 March and the others the following day."
    first, second = find_dates(text, "en", PUBLISHED)
    assert (first.value, first.future) == (date(2017, 3, 17), True)
    assert (second.value, second.future) == (date(2017, 3, 18), True)


def test_days_after_an_event_in_the_same_sentence_is_not_a_new_date() -> None:
    text = "The governor was installed on Tuesday, ten days after a first attempt failed."
    assert [m.text for m in find_dates(text, "en", PUBLISHED)] == ["on Tuesday"]
    text = "The post was attacked on 3 March. Three days after the attack, the army returned."
    assert find_dates(text, "en", PUBLISHED)[-1].value == date(2017, 3, 6)


def test_main_date_of_a_claim_report_is_the_attack_not_the_statement() -> None:
    published = date(2017, 6, 10)
    text = "The group has claimed Thursday's attack on the camp. A spokesman said on Friday that eight were hurt."
    assert main_date(find_dates(text, "en", published), published, text, "en")[0] == date(2017, 6, 8)


def test_main_date_of_an_announcement_is_the_announcement() -> None:
    published = date(2017, 3, 2)
    text = "Four armed groups announced on Thursday that they were merging. The talks began in January."
    assert main_date(find_dates(text, "en", published), published, text, "en")[0] == published


def test_a_call_in_the_present_is_for_a_day_to_come() -> None:
    (mention,) = find_dates("Les syndicats appellent à une marche samedi.", "fr", date(2017, 4, 6))
    assert mention.future and mention.value == date(2017, 4, 8)
    (past,) = find_dates("The unions called for calm on Saturday.", "en", date(2017, 4, 6))
    assert not past.future and past.value == date(2017, 4, 1)


def test_english_and_french_documents_read_each_others_dates() -> None:
    text = ("Le poste a été attaqué le 12 mars, selon l'armée. The next day gunmen struck again, "
            "and on the night of 13 to 14 March a mine exploded. Trois jours plus tard, un convoi est tombé.")
    english, french = find_dates(text, "en", PUBLISHED), find_dates(text, "fr", PUBLISHED)
    assert english == french
    assert [m.value for m in english] == [date(2017, 3, 12), date(2017, 3, 13), date(2017, 3, 13), date(2017, 3, 16)]


def test_a_claim_is_read_with_the_words_of_the_text_language() -> None:
    text = "Le 3 mars, des hommes armés ont attaqué le camp. Le groupe a revendiqué l'attaque le 6 mars."
    assert main_date(find_dates(text, "fr", PUBLISHED), PUBLISHED, text, "fr")[0] == date(2017, 3, 3)
    with pytest.raises(TypeError):
        main_date([], PUBLISHED, text)


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(LanguageError, match="no language 'xx'"):
        find_dates("On 3 March gunmen attacked.", "xx", PUBLISHED)


def test_a_language_folder_brings_its_own_date_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A language is a folder: its month names, links and relative days date its texts, no Python edit."""
    folder = tmp_path / "es"
    folder.mkdir()
    (folder / "meta.yaml").write_text("code: es\nname: Español\nspacy: {package: null}\n", encoding="utf-8")
    (folder / "dates.yaml").write_text(
        "months:\n  fold: true\n  rules:\n"
        "    - {month: 1, names: [enero], examples: {match: ['el 5 de enero']}}\n"
        "month_links:\n  rules:\n    - {words: [de], examples: {match: ['el 5 de enero']}}\n"
        "relative_days:\n  rules:\n    - {phrases: [ayer], offset: -1, examples: {match: ['atacaron ayer']}}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    text = "Hombres armados atacaron el puesto el 5 de enero y ayer; yesterday is not Spanish."
    mentions = find_dates(text, "es", PUBLISHED)
    assert [(m.text, m.value) for m in mentions] == [("5 de enero", date(2017, 1, 5)), ("ayer", date(2017, 3, 14))]


def test_an_ago_phrase_in_units_the_language_lacks_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "es"
    folder.mkdir()
    (folder / "meta.yaml").write_text("code: es\nname: Español\nspacy: {package: null}\n", encoding="utf-8")
    (folder / "dates.yaml").write_text(
        "ago:\n  rules:\n    - {pattern: hace, order: cue_first, units: [dias], examples: {match: ['hace tres dias']}}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    with pytest.raises(LanguageError, match="not in time_units"):
        find_dates("Atacaron hace tres dias.", "es", PUBLISHED)

