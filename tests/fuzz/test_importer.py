"""The survey importer fed mutated files, through the upload page and directly.

Mutations of the 2017 compilation (seed 003) and of the portal's own CSV and XLSX
exports: truncated, random bytes, other encodings, shuffled and duplicated lines,
huge lines and numbers. A file is either imported whole or refused with "Rad N:"
messages in Swedish, writing nothing.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from archive.seed import SURVEY_2017
from surveys import exports
from surveys.importer import SurveyFileError, import_file
from surveys.models import Survey
from tests.fuzz.properties import assert_refusal_in_swedish, changed_tables, row_counts
from tests.fuzz.strategies import ODD_PIECES, any_char

SEED = SURVEY_2017.read_bytes()
PLACE = re.compile(r"^(Rad \d+|Blad ”[^”]*”, rad \d+): \S")


def lines_of(data):
    return data.split(b"\n")


@st.composite
def mutated(draw, original):
    lines = lines_of(original)
    kind = draw(
        st.sampled_from(
            [
                "truncate",
                "random",
                "encode",
                "shuffle",
                "duplicate",
                "huge_line",
                "edit_line",
                "drop_lines",
                "huge_number",
                "bytes_flip",
            ]
        )
    )
    if kind == "truncate":
        return original[: draw(st.integers(0, len(original)))]
    if kind == "random":
        return draw(st.binary(max_size=3000))
    if kind == "encode":
        encoding = draw(st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-16-be", "mac-roman"]))
        return original.decode("utf-8", errors="replace").encode(encoding, errors="replace")
    if kind == "shuffle":
        return b"\n".join(draw(st.permutations(lines)))
    if kind == "duplicate":
        index = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(lines[: index + 1] + lines[index:])
    if kind == "huge_line":
        index = draw(st.integers(0, len(lines) - 1))
        piece = draw(st.sampled_from(["x", "\t", "å", "\tRegion Dalarna", "😀"]))
        return b"\n".join([*lines[:index], (piece * 100_000).encode(), *lines[index:]])
    if kind == "edit_line":
        index = draw(st.integers(0, len(lines) - 1))
        text = draw(
            st.one_of(
                st.text(any_char, max_size=200),
                st.lists(st.sampled_from([*ODD_PIECES, "\t"]), max_size=8).map("".join),
            )
        )
        return b"\n".join([*lines[:index], text.encode("utf-8"), *lines[index + 1 :]])
    if kind == "drop_lines":
        start = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(lines[:start] + lines[start + draw(st.integers(1, 20)) :])
    if kind == "huge_number":
        number = draw(st.sampled_from(["14", "0", "32768", "99999999999", "1" + "0" * 40]))
        index = draw(st.integers(0, len(lines) - 1))
        header = f"Organisation\t{number}. En fråga till".encode()
        return b"\n".join(
            [*lines[:index], b"", header, b"Region Dalarna\tsvar", b"", *lines[index:]]
        )
    data = bytearray(original)
    for position in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=20)):
        data[position] = draw(st.integers(0, 255))
    return bytes(data)


def check_import(data, filename):
    """Directly: a file is imported or refused with placed Swedish messages, writing nothing."""
    before = row_counts()
    with translation.override("sv"):
        try:
            import_file(data, filename)
        except SurveyFileError as error:
            assert error.errors
            for message in error.errors:
                assert PLACE.match(message), f"Not a placed Swedish message: {message[:200]!r}"
            assert row_counts() == before, changed_tables(before, row_counts())
            return False
    return True


@pytest.mark.parametrize("filename", ["overblick.txt", "overblick.csv"])
def test_mutated_text_files(filename, seed_data, example):
    original = SEED
    if filename.endswith(".csv"):
        original = exports.csv_text(Survey.objects.get(slug="overblick-rus-2017")).encode()

    @given(data=mutated(original))
    def run(data):
        with example():
            check_import(data, filename)

    run()


def test_mutated_xlsx_files(seed_data, example):
    original = exports.xlsx_bytes(Survey.objects.get(slug="overblick-rus-2017"))

    @given(data=mutated(original))
    def run(data):
        with example():
            check_import(data, "overblick.xlsx")

    run()


def test_upload_page_refuses_in_swedish(client_as, example):
    client = client_as("secretariat")
    url = reverse("surveys:import")

    @given(data=mutated(SEED), dry_run=st.booleans())
    def run(data, dry_run):
        from django.core.files.uploadedfile import SimpleUploadedFile

        with example():
            before = row_counts()
            upload = SimpleUploadedFile("overblick.txt", data, "text/plain")
            post = {"file": upload, **({"dry_run": "on"} if dry_run else {})}
            response = client.post(url, post)
            assert response.status_code < 500
            if response.status_code == 200:
                assert row_counts() == before
                html = response.content.decode()
                if "Filen importerades inte" in html:
                    assert re.search(r"<li>(Rad|Blad) [^<]*\d+", html), "no placed message"
                elif not dry_run:
                    assert_refusal_in_swedish(response, url)

    run()
