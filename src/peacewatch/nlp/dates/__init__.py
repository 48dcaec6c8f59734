"""Date expressions in reports, resolved against the publication date.

Reports date events loosely: "on 26 January", "hier", "on Monday", "two days later", "in
September and October 2016", "dans la nuit de samedi à dimanche". ``find_dates`` finds them with
the date shapes of ``shapes`` (built from the language's ``dates.yaml`` words) over accent- and
case-folded text, in one scan, and resolves each to a calendar date with a precision (1 day,
2 week, 3 month) by these rules (``handlers``):

- a day or month written without a year is the latest such date not after publication (a
  report never dates a past event after its own publication), or the next one when the sentence
  presents it as planned ("will", "scheduled", "prévu", "se tiendra": ``future``); after a date
  whose year is written out, the year closest to that date is taken instead;
- a weekday is the latest such day on or before publication (same-day reports say "attacked on
  Wednesday morning"); "last Monday"/"lundi dernier" is strictly before;
- "will", "is due", "se tiendra" make a date future; "planned", "prévu" only in a sentence with
  no past-tense verb ("a planned meeting on 18 February was called off" is past);
- an anaphor ("the next day", "le lendemain", "trois jours plus tard") counts from the date
  mentioned just before it, else from publication;
- weeks and ranges of up to seven days have precision 2, months and longer ranges 3; a bare year
  ("in 2013", "depuis 2012") is kind "year", i.e. background.

``main_date`` picks the one date an event extractor should code. ``month_numbers`` gives every
supported language's month names, for the other readers of dates.
"""

from peacewatch.nlp.dates.main import main_date
from peacewatch.nlp.dates.model import DateMention
from peacewatch.nlp.dates.reader import find_dates
from peacewatch.nlp.dates.words import month_numbers

__all__ = ["DateMention", "find_dates", "main_date", "month_numbers"]
