"""Every DOCX and XLSX export, opened the way people open it: converted to PDF by
LibreOffice, then read back with pdftotext.

Checks that the layout holds, not only the content: the page count stays sane and no
table cell breaks a word ("Kommunika tion", "Västernorrl and"). All files go to one
soffice call, so the test costs one LibreOffice start. It skips when LibreOffice or
poppler is missing, except where REQUIRE_LIBREOFFICE is set (.ci/run): there it fails.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from regions.models import Organisation
from tests.meetings.expectations import EXPECTATIONS as MEETINGS
from tests.summaries.expectations import EXPECTATIONS as SUMMARIES
from tests.summaries.test_summaries import content_of
from tests.surveys.expectations import EXPECTATIONS as SURVEYS

# (URL name, expectations table, file name, at most this many pages)
EXPORTS = [
    ("summaries:meeting_docx", SUMMARIES, "january.docx", 4),
    ("summaries:annual_docx", SUMMARIES, "annual.docx", 12),
    ("summaries:annual_xlsx", SUMMARIES, "annual-sheets.xlsx", 12),
    ("summaries:regions_xlsx", SUMMARIES, "regions.xlsx", 8),
    ("meetings:registrations_xlsx", MEETINGS, "registrations.xlsx", 4),
    ("surveys:export_xlsx", SURVEYS, "survey.xlsx", 60),
]
# Words of the seed that a cell too narrow for them would split.
INTACT = {
    "annual.docx": ["Kommunikation", "Västernorrland", "Västerbotten", "Östergötland"],
    "annual-sheets.xlsx": ["Kommunikation", "Västernorrland", "Östergötland"],
    "regions.xlsx": ["Västernorrland", "Västerbotten", "Östergötland"],
    "january.docx": ["Välkommen", "incheckning"],
}


def tool(name):
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt-get install libreoffice-writer-nogui "
        message += "libreoffice-calc-nogui poppler-utils)"
        if os.environ.get("REQUIRE_LIBREOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])


def text_of(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def pdfs(client_as, tmp_path, seed_data):
    soffice = tool("soffice")
    tool("pdftotext")
    tool("pdfinfo")
    secretary = client_as("secretariat")
    files = []
    for name, table, filename, _limit in EXPORTS:
        response = secretary.get(reverse(name, kwargs=table[name].kwargs()))
        assert response.status_code == 200, name
        path = tmp_path / filename
        path.write_bytes(content_of(response))
        files.append(str(path))
    out = tmp_path / "pdf"
    profile = tmp_path / "profile"  # its own profile: no clash with another soffice running
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *files,
        ],
        capture_output=True,
        check=True,
        timeout=240,
    )
    return {filename: out / (Path(filename).stem + ".pdf") for _n, _t, filename, _l in EXPORTS}


def test_every_export_converts_with_sane_page_counts_whole_words_and_page_numbers(pdfs):
    counts = {filename: pages(pdf) for filename, pdf in pdfs.items()}
    limits = {filename: limit for _n, _t, filename, limit in EXPORTS}
    too_long = {name: count for name, count in counts.items() if count > limits[name]}
    assert not too_long, f"more pages than expected: {too_long} (all: {counts})"
    texts = {filename: text_of(pdf) for filename, pdf in pdfs.items()}
    for filename, words in INTACT.items():
        broken = [word for word in words if word not in texts[filename]]
        assert not broken, f"{filename}: {broken} split across lines"
    # Every word of every region's name, whole, in the annual summary.
    names = Organisation.objects.regions().values_list("name", flat=True)
    words = sorted({word for name in names for word in name.split()})
    assert not [word for word in words if word not in texts["annual.docx"]]
    # A header with the title and a footer with the export date and page numbers.
    documentation = texts["january.docx"]
    assert documentation.count("RUS och relationen till andra planer och strategier") >= 2
    assert re.search(r"Sida 1 av \d", documentation) and "Exporterad" in documentation
