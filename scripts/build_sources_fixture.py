"""Build fixtures/sources.json: the five seed documents as sources.

Run from the project root:  .venv/bin/python scripts/build_sources_fixture.py

The original texts are byte-for-byte copies of /work/shared/seeds/ in
fixtures/sources/. All five name people (and most give e-mail addresses), so
their text is for members only; their metadata is public.

The other builders (build_regions_fixture.py, build_meetings_fixture.py,
build_themes_fixture.py) import `reference()` from here and write, next to each
row that came from a seed, a sources.sourcereference row naming the seed and the
place in it. Each builder has its own range of reference keys (REFERENCE_BASE).
"""

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Seed number -> (pk, slug, title, date, file, description)
SOURCES = {
    "000": (
        1,
        "rus-natverkets-framtid-2026",
        "Dokumentation RUS-nätverkets framtid, 27–28 januari 2026",
        "2026-01-28",
        "sources/000_bbdcec3a0d676c30.txt",
        "Dokumentation från nätverksträffen 27–28 januari 2026: varför lärande mellan regioner "
        "är viktigt, alternativ för samordning av nätverket efter Reglab, teman och "
        "planeringsgrupper för 2026.",
    ),
    "001": (
        2,
        "program-27-28-januari-2026",
        "Inbjudan och program, nätverksträff 27–28 januari 2026",
        "2026-01-27",
        "sources/001_4b696ef9e1ce28b9.txt",
        "Inbjudan med tema, plats, tider, målgrupp, uppgifter inför mötet och program med talare.",
    ),
    "002": (
        3,
        "bilder-19-september-2023",
        "Bilder, digitalt möte 19 september 2023: Regional utveckling och folkhälsa",
        "2023-09-19",
        "sources/002_a8017cac72f29a05.txt",
        "Reglabs kärnvärden och samtalsregler, mötesserien 2023, dagens agenda, talare och "
        "dialogfrågor.",
    ),
    "003": (
        4,
        "enkat-overblick-rus-2017",
        "Enkät Överblick RUS, 31 maj 2017",
        "2017-05-31",
        "sources/003_4ba2380395b1467b.txt",
        "Sammanställda svar på enkäten till Reglabs RUS-nätverk: svarande, frågorna 5–13 per "
        "organisation och en sammanräkning av roller och regioner som saknas.",
    ),
    "004": (
        5,
        "bilder-10-maj-2023",
        "Bilder, RUS-nätverket 10 maj 2023: RUS-ens årshjul",
        "2023-05-10",
        "sources/004_7ce06a890fa80ffc.txt",
        "Program, Dalarnas årshjul och aktivitetsplan, regionernas fyra roller, Kronobergs "
        "gamla och nya strategi, dialogfrågor och höstens möten 2023.",
    ),
}
SEED = {number: values[0] for number, values in SOURCES.items()}  # seed number -> source pk


def reference(pk, seed, model, object_pk, location="", interpretation=False):
    """A sources.sourcereference row: `model` ("app.model") row `object_pk` came from `seed`."""
    return {
        "model": "sources.sourcereference",
        "pk": pk,
        "fields": {
            "source": SEED[seed],
            "content_type": model.split("."),
            "object_id": object_pk,
            "location": location,
            "interpretation": interpretation,
        },
    }


class References:
    """Collects one builder's reference rows, numbering them from its base."""

    def __init__(self, base):
        self.base = base
        self.rows = []

    def add(self, seed, model, object_pk, location="", interpretation=False):
        pk = self.base + len(self.rows) + 1
        self.rows.append(reference(pk, seed, model, object_pk, location, interpretation))


def build():
    return [
        {
            "model": "sources.source",
            "pk": pk,
            "fields": {
                "slug": slug,
                "title": title,
                "date": date,
                "file": file,
                "description": description,
                "members_only": True,
            },
        }
        for pk, slug, title, date, file, description in SOURCES.values()
    ]


if __name__ == "__main__":
    for _pk, _slug, _title, _date, file, _description in SOURCES.values():
        assert (FIXTURES / file).is_file(), file
    out = FIXTURES / "sources.json"
    rows = build()
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} objects to {out}")
