"""Build fixtures/pages.json: what the network holds in common, in the seeds' own words.

Run from the project root:  .venv/bin/python scripts/build_pages_fixture.py

- "Om nätverket": Reglab's core values and the conversation rules (seed 002, the
  opening slides of 19 September 2023).
- "Regionernas roller": the four roles of a regional development actor and what the
  slides say about role-taking (seed 004, "Regionernas rolltagande", 10 May 2023).

Each page and item has a sources.sourcereference row (keys from 30000). The words are
copied from the seeds; line breaks of the slides are joined with spaces.
"""

import json
from pathlib import Path

from build_sources_fixture import References

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PAGES = [
    # (pk, slug, title, introduction, seed, location, [(section, title, text)])
    (
        1,
        "om-natverket",
        "Om nätverket",
        "”Välkomna till RUS-nätverket! Ett forum för lärande om regional utveckling.” Så "
        "inleddes nätverkets digitala möte 19 september 2023, följt av Reglabs kärnvärden "
        "och reglerna för Reglabs samtal.",
        "002",
        "inledande bilder",
        [
            ("Reglabs kärnvärden", "Delaktighet", ""),
            ("Reglabs kärnvärden", "Nyfikenhet", ""),
            ("Reglabs kärnvärden", "Öppenhet", ""),
            ("Reglabs kärnvärden", "Ömsesidig nytta", ""),
            ("Reglab samtal", "Vi tar tillsammans ansvar för läprocessen.", ""),
            ("Reglab samtal", "Värdesätt olikhet – andras perspektiv!", ""),
            ("Reglab samtal", "Var generös!", ""),
            ("Reglab samtal", "Ha respekt för varandra och det du får höra i gruppen", ""),
        ],
    ),
    (
        2,
        "roller",
        "Regionernas roller",
        "Nätverkets gemensamma begrepp för de roller en region tar i det regionala "
        "utvecklingsarbetet, från RUS-nätverkets möte 10 maj 2023 (”Regionernas "
        "rolltagande”). ”Vi stärker utvecklingskraften genom att kombinera dessa roller!”",
        "004",
        "bilden ”Regionernas rolltagande”",
        [
            (
                "Regionernas rolltagande",
                "Hur gör vi för att stärka upp sitt regionarbete i praktiken?",
                "",
            ),
            ("Regionernas rolltagande", "Vi har ett huvudrolltagande", ""),
            (
                "Regionernas rolltagande",
                "Syftet är att inspirera till utvecklingsarbete i alla regioner:",
                "En region tar oftast flera olika roller samtidigt – det handlar om var man "
                "har sin tyngd (huvudroll)\n"
                "Rolltagandet är en process inte statiskt\n"
                "Det finns sannolikt fler roller än de vi identifierar här",
            ),
            ("De fyra rollerna", "Finansiären", ""),
            ("De fyra rollerna", "Utföraren", ""),
            ("De fyra rollerna", "Nätverkaren", ""),
            ("De fyra rollerna", "Kapacitetsbyggaren", ""),
        ],
    ),
]


def build():
    rows, refs = [], References(base=30000)
    item_pk = 0
    for pk, slug, title, introduction, seed, location, items in PAGES:
        rows.append(
            {
                "model": "sources.networkpage",
                "pk": pk,
                "fields": {"slug": slug, "title": title, "introduction": introduction},
            }
        )
        refs.add(seed, "sources.networkpage", pk, location)
        for order, (section, item_title, text) in enumerate(items, start=1):
            item_pk += 1
            rows.append(
                {
                    "model": "sources.networkpageitem",
                    "pk": item_pk,
                    "fields": {
                        "page": pk,
                        "section": section,
                        "title": item_title,
                        "text": text,
                        "order": order,
                    },
                }
            )
            refs.add(seed, "sources.networkpageitem", item_pk, location)
    return rows + refs.rows


if __name__ == "__main__":
    out = FIXTURES / "pages.json"
    rows = build()
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} objects to {out}")
