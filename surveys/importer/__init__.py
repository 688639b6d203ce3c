"""Import a compiled survey: `reading` parses and checks a file, `writing` stores it."""

from surveys.importer.reading import ORGANISATION_QUESTION, SurveyFileError, parse
from surveys.importer.writing import ImportReport, import_file, import_survey

__all__ = [
    "ORGANISATION_QUESTION",
    "ImportReport",
    "SurveyFileError",
    "import_file",
    "import_survey",
    "parse",
]
