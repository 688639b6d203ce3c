"""Markdown cannot hang a worker: Python-Markdown needs time growing with the square of a
block's length when the block holds many "[", so notes are bounded in length and a block
crowded with "[" is shown as typed, without Markdown."""

import pytest
from django.urls import reverse

from meetings.markdown import BRACKETS_PER_BLOCK, MAX_LENGTH, escape_bracket_runs, render
from meetings.models import MeetingDocumentation
from tests.meetings.factories_registration import RegMeetingFactory


@pytest.fixture
def meeting(seed_data):
    return RegMeetingFactory(title="RUS och relationen till andra planer", slug="planer")


def test_over_long_notes_are_refused_with_a_swedish_message_and_nothing_saved(client_as, meeting):
    url = reverse("meetings:documentation_edit", args=[meeting.slug])
    response = client_as("secretariat").post(url, {"notes": "a" * (MAX_LENGTH + 1), "version": ""})
    page = response.content.decode()
    assert "Anteckningarna får vara högst 20\xa0000 tecken långa" in page
    assert f"de här är {MAX_LENGTH + 1}" in page
    assert not MeetingDocumentation.objects.filter(meeting=meeting).exists()


def test_notes_of_the_maximum_length_are_saved(client_as, meeting):
    url = reverse("meetings:documentation_edit", args=[meeting.slug])
    client_as("secretariat").post(url, {"notes": "a" * MAX_LENGTH, "version": ""})
    assert len(MeetingDocumentation.objects.get(meeting=meeting).notes) == MAX_LENGTH


def test_a_long_run_of_brackets_becomes_a_plain_paragraph_that_renders_literally():
    run = "[" * 20000
    assert escape_bracket_runs(run) == f"<p>{run}</p>"
    assert render(run) == f"<p>{run}</p>"


def test_a_crowded_block_is_shown_as_typed_and_the_other_blocks_keep_their_markdown():
    crowded = "[x](" * (BRACKETS_PER_BLOCK + 1) + " <script>alert(1)</script> & **fet**"
    html = render(f"# Rubrik\n\n{crowded}\n\n- [Reglab](https://reglab.se)")
    assert "<h2>Rubrik</h2>" in html
    assert 'href="https://reglab.se"' in html
    assert "[x](" * (BRACKETS_PER_BLOCK + 1) in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; **fet**" in html
    assert "<script" not in html


def test_a_block_with_a_few_links_keeps_them():
    text = " ".join(f"[länk {n}](https://example.org/{n})" for n in range(BRACKETS_PER_BLOCK))
    assert escape_bracket_runs(text) == text
    assert render(text).count("<a href=") == BRACKETS_PER_BLOCK
