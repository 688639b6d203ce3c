"""The English default messages the fuzz tests look for all have a Swedish translation,
so a refusal can only show English if a form bypasses the catalogue."""

from django.utils import translation

from tests.fuzz.properties import PLURAL_OPENINGS, default_messages, english_default_chunks


def test_every_django_default_message_is_translated_to_swedish():
    untranslated = []
    for message in default_messages():
        with translation.override("en"):
            english = str(message)
        with translation.override("sv"):
            swedish = str(message)
        if english and swedish == english:
            untranslated.append(english)
    assert not untranslated, untranslated


def test_the_english_chunks_are_what_the_refusal_check_looks_for():
    chunks = english_default_chunks()
    assert "This field is required." in chunks
    assert "Null characters are not allowed." in chunks
    assert "Select a valid choice." in chunks
    assert set(PLURAL_OPENINGS) <= set(chunks)
