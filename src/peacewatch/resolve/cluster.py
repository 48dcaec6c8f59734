"""Order-independent clustering of candidate profiles into events.

Blocking: candidates are bucketed by (country, day) and each is compared only with the buckets
inside its date window (an undated one with the candidates at its place), so the work grows with
the number of candidates times the local density, not with the square of the store. Clustering: a report's candidates telling one scene are joined
first (``same_scene``); then every compared pair scoring at least ``THRESHOLD``
is an edge; edges are taken strongest first (ties broken by candidate order) and two clusters
join only if no pair across them is vetoed, no analyst constraint forbids it, they share no
document (unless as pieces of one event, ``_may_share``), and their average cross-pair score
stays above ``LINK``. Last, a report's pieces no other report confirms join the event the
report's other pieces joined (``_absorb_strays``). The result depends on the set
of candidates, not on the order in which they arrived.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from peacewatch.resolve.decisions import Constraints
from peacewatch.resolve.features import Profile, same_report_fragments, same_scene, score, type_compatibility

THRESHOLD = 0.58
"""A pair this similar is evidence enough to consider the two reports one event."""

LINK = 0.50
"""Average score across two clusters needed to join them: stops chains of look-alike events
(two IED strikes on one road on consecutive days) from fusing through one borderline pair."""


class _Clusters:
    """Union-find over profile indexes, keeping each cluster's members and documents."""

    def __init__(self, size: int, profiles: Sequence[Profile]) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}
        self.docs: dict[int, set[str]] = {i: {profiles[i].doc} for i in range(size)}
        self.ids: dict[int, set[str]] = {i: {profiles[i].candidate.candidate_id} for i in range(size)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        self.docs[a].update(self.docs.pop(b))
        self.ids[a].update(self.ids.pop(b))
        return a


CELL_DEGREES = 1.2
"""Spatial blocking cell (about 130 km; still over 100 km east-west up to 30 degrees latitude).
A report placed at a town is compared only with reports in the neighbouring cells (so every pair
closer than the 100 km veto distance) and with reports placed no more precisely than a region."""


def _cell(p: Profile) -> tuple[int, int] | None:
    if p.lat is None or p.lon is None or p.geo_precision >= 3:
        return None
    return (int(p.lat // CELL_DEGREES), int(p.lon // CELL_DEGREES))


def candidate_pairs(profiles: Sequence[Profile], floor: float) -> dict[tuple[int, int], float]:
    """Scores of the pairs inside the blocking windows scoring at least ``floor``, keyed
    (lower, higher index); weaker pairs are recomputed on demand, which keeps memory linear.

    Blocks are (country, day, cell); a report compares itself with the blocks of its own country
    (or every country when it has none), the days of its date window and the neighbouring cells
    (or every cell when it is not placed at a town).
    """
    buckets: dict[tuple[str, int], dict[tuple[int, int] | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    countries: set[str] = set()
    cells = [_cell(p) for p in profiles]
    for i, p in enumerate(profiles):
        if p.day is not None:
            buckets[(p.country, p.day)][cells[i]].append(i)
            countries.add(p.country)
    every = sorted(countries)
    scores: dict[tuple[int, int], float] = {}
    _named_place_pairs(profiles, cells, floor, scores)
    _undated_pairs(profiles, cells, floor, scores)
    for i, p in enumerate(profiles):
        if p.day is None:
            continue
        keys = every if not p.country else ([p.country, ""] if "" in countries else [p.country])
        cell = cells[i]
        near = None if cell is None else [(cell[0] + a, cell[1] + b) for a in (-1, 0, 1) for b in (-1, 0, 1)] + [None]
        for country in keys:
            for day in range(p.day - p.window, p.day + p.window + 1):
                block = buckets.get((country, day))
                if not block:
                    continue
                for members in (block.values() if near is None else (block.get(c, ()) for c in near)):
                    for j in members:
                        if j == i:
                            continue
                        q = profiles[j]
                        # Each pair once: by the lower index if inside its window, else by the higher.
                        if j < i and abs(q.day - p.day) <= q.window:  # type: ignore[operator]
                            continue
                        value = score(p, q)
                        if value is not None and value >= floor:
                            scores[(min(i, j), max(i, j))] = value
    return scores


def _named_place_pairs(
    profiles: Sequence[Profile],
    cells: Sequence[tuple[int, int] | None],
    floor: float,
    scores: dict[tuple[int, int], float],
) -> None:
    """Second blocking key: a report is also compared with the reports placed at a town its title
    names, however far it was placed itself (a Bamako dateline on a report about a northern town).
    Pairs the spatial blocks already cover are left to them."""
    placed: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if p.day is not None and p.place_key:
            placed[(p.country, p.day, p.place_key)].append(i)
    for i, p in enumerate(profiles):
        if p.day is None or not p.title_names:
            continue
        for day in range(p.day - p.window, p.day + p.window + 1):
            for name in p.title_names:
                for j in placed.get((p.country, day, name), ()):
                    pair = (min(i, j), max(i, j))
                    if j == i or pair in scores or _neighbours(cells[i], cells[j]):
                        continue
                    q = profiles[j]
                    if abs(q.day - p.day) > max(p.window, q.window):  # type: ignore[operator]
                        continue
                    value = score(p, q)
                    if value is not None and value >= floor:
                        scores[pair] = value


def _undated_pairs(
    profiles: Sequence[Profile],
    cells: Sequence[tuple[int, int] | None],
    floor: float,
    scores: dict[tuple[int, int], float],
) -> None:
    """Third blocking key, for reports with no date: compared with every report, dated or not,
    at the same place (by name or by neighbouring cell) or naming it in its title. The work stays
    bounded by how many reports a place has, since a date no longer narrows it."""
    by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_cell: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if p.place_key:
            by_place[(p.country, p.place_key)].append(i)
        if cells[i] is not None:
            by_cell[cells[i]].append(i)  # type: ignore[index]
    for i, p in enumerate(profiles):
        if p.day is not None:
            continue
        others: set[int] = set()
        for name in {p.place_key, *p.title_names} - {""}:
            others.update(by_place.get((p.country, name), ()))
        cell = cells[i]
        if cell is not None:
            for a in (-1, 0, 1):
                for b in (-1, 0, 1):
                    others.update(by_cell.get((cell[0] + a, cell[1] + b), ()))
        for j in others:
            pair = (min(i, j), max(i, j))
            if j == i or pair in scores:
                continue
            value = score(p, profiles[j])
            if value is not None and value >= floor:
                scores[pair] = value


def _neighbours(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is None or b is None or (abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1)


def cluster(
    profiles: Sequence[Profile],
    constraints: Constraints | None = None,
    threshold: float = THRESHOLD,
    link: float = LINK,
) -> list[list[Profile]]:
    """Group profiles into events; clusters come back in founding order, members in order."""
    ordered = sorted(profiles, key=lambda p: p.order)
    constraints = constraints or Constraints()
    clusters = _Clusters(len(ordered), ordered)
    index = {p.candidate.candidate_id: i for i, p in enumerate(ordered)}
    for group in sorted(constraints.must, key=lambda g: sorted(g)):
        members = sorted(index[c] for c in group if c in index)
        for other in members[1:]:
            a, b = clusters.find(members[0]), clusters.find(other)
            if a != b:
                clusters.union(a, b)
    _join_scene_pieces(ordered, clusters, constraints)
    scores = candidate_pairs(ordered, threshold)
    edges = sorted(
        ((value, pair) for pair, value in scores.items()),
        key=lambda e: (-e[0], e[1]),
    )
    for _, (i, j) in edges:
        a, b = clusters.find(i), clusters.find(j)
        if a == b or not _may_share(ordered, clusters, a, b):
            continue
        if constraints.cannot and constraints.forbids(clusters.ids[a], clusters.ids[b]):
            continue
        if _linked(ordered, scores, clusters.members[a], clusters.members[b], link):
            clusters.union(a, b)
    _absorb_strays(ordered, clusters, constraints)
    groups = [sorted(members) for members in clusters.members.values()]
    groups.sort()
    return [[ordered[i] for i in members] for members in groups]


def _join_scene_pieces(profiles: Sequence[Profile], clusters: _Clusters, constraints: Constraints) -> None:
    """Join the candidates of one report that tell one scene (``same_scene``) before any
    scoring: an extractor splits an attack into an "attack", a "clash" and a "mob" sentence, and a
    piece left alone either founds a stray event or, worse, drags a look-alike report of the
    same day (a march through the same town) into the wrong event."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        by_doc[p.doc].append(i)
    for members in by_doc.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = clusters.find(i), clusters.find(j)
                if a == b or not same_scene(profiles[i], profiles[j]):
                    continue
                if constraints.cannot and constraints.forbids(clusters.ids[a], clusters.ids[b]):
                    continue
                clusters.union(a, b)


def _linked(
    profiles: Sequence[Profile],
    scores: dict[tuple[int, int], float],
    left: list[int],
    right: list[int],
    link: float,
) -> bool:
    """Complete link on vetoes, average link on scores."""
    mean = _mean(profiles, scores, left, right)
    return mean is not None and mean >= link


def _mean(
    profiles: Sequence[Profile], scores: dict[tuple[int, int], float], left: list[int], right: list[int]
) -> float | None:
    """Average score across two clusters, None on any veto; pieces of one report (checked by
    ``_may_share``) are neither a veto nor part of the average."""
    total = 0.0
    count = 0
    for i in left:
        for j in right:
            if profiles[i].doc == profiles[j].doc:
                continue
            pair = (min(i, j), max(i, j))
            value = scores.get(pair)
            if value is None:
                value = score(profiles[i], profiles[j])
                if value is None:
                    return None
                scores[pair] = value
            total += value
            count += 1
    return total / count if count else None


def _may_share(profiles: Sequence[Profile], clusters: _Clusters, a: int, b: int) -> bool:
    """Two events may share a report only as pieces of one event (``same_report_fragments``):
    an extractor that reads one attack as an explosion in Gao and, from the claim's sentence, an
    attack in Bamako gives two candidates that both belong to the Gao event. A roundup's events
    (other days, other places) never share."""
    shared = clusters.docs[a] & clusters.docs[b]
    if not shared:
        return True
    left = [i for i in clusters.members[a] if profiles[i].doc in shared]
    right = [j for j in clusters.members[b] if profiles[j].doc in shared]
    return all(
        same_report_fragments(profiles[i], profiles[j])
        for i in left
        for j in right
        if profiles[i].doc == profiles[j].doc
    )


def _absorb_strays(profiles: Sequence[Profile], clusters: _Clusters, constraints: Constraints) -> None:
    """Give a report's stray pieces to the event its other pieces joined.

    A news article tells its event over many sentences, and the extractor reads some of them as
    events of their own (a casualty sentence, a reaction in the capital, an undated recap). A
    cluster of one report that no other report confirms, of a compatible type and not dated to
    another day, is the development of the article's story: it joins the event the same report's
    other pieces joined with other reports (the best fitting one), or, when none did, the
    report's other unconfirmed piece it fits. Places are not compared: they are the least
    reliable reading of a piece (the capital where a minister spoke, a dateline, a region).
    Document pairs are unchanged, so this only stops one event from being counted many times.
    Only clusters of one report move, into clusters they fit, so the result does not depend on
    the order of the work.
    """
    hosts_of: dict[str, list[int]] = defaultdict(list)
    strays_of: dict[str, list[int]] = defaultdict(list)
    for root in sorted({clusters.find(i) for i in range(len(profiles))}):
        for doc in clusters.docs[root]:
            (hosts_of if len(clusters.docs[root]) > 1 else strays_of)[doc].append(root)
    for doc, strays in sorted(strays_of.items()):
        hosts = hosts_of.get(doc, [])
        joined: list[int] = []
        for stray in strays:
            targets = hosts or joined
            best = max(
                ((fit, host) for host in targets
                 if (fit := _fit(profiles, clusters, doc, stray, host, constraints)) is not None),
                default=None,
            )
            if best is None:
                joined.append(stray)
                continue
            root = clusters.union(best[1], stray)
            targets[targets.index(best[1])] = root


def _fit(
    profiles: Sequence[Profile], clusters: _Clusters, doc: str, stray: int, host: int, constraints: Constraints
) -> float | None:
    """Mean type compatibility of a stray with the same report's pieces in ``host``, or None
    when any pair cannot be one event: another day, incompatible types, one planned and one
    done, or an analyst's decision against it."""
    if constraints.cannot and constraints.forbids(clusters.ids[stray], clusters.ids[host]):
        return None
    pieces = [j for j in clusters.members[host] if profiles[j].doc == doc]
    total = 0.0
    for i in clusters.members[stray]:
        for j in pieces:
            a, b = profiles[i], profiles[j]
            if a.planned != b.planned or (a.day is not None and b.day is not None and a.day != b.day):
                return None
            kind = type_compatibility(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type)
            if kind == 0.0:
                return None
            total += kind
    return total / (len(clusters.members[stray]) * len(pieces))
