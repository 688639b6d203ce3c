"""The drawing of imports between top-level packages: the project package imports no app.

`rusnet/` holds the project (settings, URLs, middleware, WSGI/ASGI, base templates and
infrastructure that knows no app); apps import it, never the reverse. The runtime
(rusnet and the apps) imports nothing from the benchmark, load-test or test code.
Imports are read from the source (ast), wherever they stand, including inside functions.
"""

import ast
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PROJECT = "rusnet"
NOT_RUNTIME = {"loadtest", "scripts", "tests"}

# Arrows from rusnet/ to an app that remain, as (module path, app): each with the reason.
NOT_YET_REMOVED: dict[tuple[str, str], str] = {}


def local_apps() -> set[str]:
    """The portal's own apps: INSTALLED_APPS entries that are packages of this repository."""
    names = {entry.split(".")[0] for entry in settings.INSTALLED_APPS}
    return {name for name in names if (BASE_DIR / name / "__init__.py").exists()} - {PROJECT}


def imported_packages(path: Path) -> set[str]:
    """The top-level names a module imports (absolute imports; relative ones stay inside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def arrows_from(package: str, targets: set[str]) -> set[tuple[str, str]]:
    """(module path, target) for every module of `package` that imports one of `targets`."""
    arrows = set()
    for path in sorted((BASE_DIR / package).rglob("*.py")):
        relative = path.relative_to(BASE_DIR).as_posix()
        for target in imported_packages(path) & targets:
            arrows.add((relative, target))
    return arrows


def test_the_project_package_imports_no_app():
    arrows = arrows_from(PROJECT, local_apps())
    unexpected = sorted(arrows - NOT_YET_REMOVED.keys())
    assert not unexpected, f"rusnet/ must not import an app: {unexpected}"


def test_every_listed_exception_still_exists():
    """An arrow that is gone must leave NOT_YET_REMOVED too, so the list only shrinks."""
    arrows = arrows_from(PROJECT, local_apps())
    stale = sorted(NOT_YET_REMOVED.keys() - arrows)
    assert not stale, f"remove these from NOT_YET_REMOVED: {stale}"


def test_the_runtime_imports_no_benchmark_load_test_or_test_code():
    arrows = set()
    for package in local_apps() | {PROJECT}:
        arrows |= arrows_from(package, NOT_RUNTIME)
    assert not arrows, f"runtime modules import non-runtime code: {sorted(arrows)}"


def test_the_scanner_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "import os.path\nfrom accounts.models import User\n"
        "def later():\n    from meetings import views\n    from . import sibling\n",
        encoding="utf-8",
    )
    assert imported_packages(module) == {"os", "accounts", "meetings"}


def test_the_apps_include_the_feature_apps():
    assert {"accounts", "archive", "meetings", "regions", "search", "surveys", "themes"} <= (
        local_apps()
    )
