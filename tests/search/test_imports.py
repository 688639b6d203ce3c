"""search/ imports no app: each app declares what it puts in the index in its own search.py."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

from search import registry
from search.models import SearchEntry

SEARCH = Path(settings.BASE_DIR) / "search"


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def project_apps() -> set[str]:
    """The project's own apps (and its package), which search/ must not import."""
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR) and config.name != "search"
    }


def test_search_imports_no_app():
    forbidden = project_apps() - {"rusnet"}  # the project's cache helper is not an app
    assert {"meetings", "regions", "surveys", "themes"} <= forbidden
    offending = {
        f"{path.relative_to(SEARCH.parent)}: {module}"
        for path in SEARCH.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in forbidden
    }
    assert offending == set()


def test_every_kind_of_hit_is_declared_by_an_app():
    assert set(registry.sources()) == set(SearchEntry.Kind.values)
    declared_in = {source.model_class()._meta.app_label for source in registry.sources().values()}
    assert declared_in == {"meetings", "regions", "sources", "surveys", "themes"}
