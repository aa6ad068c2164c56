"""The layers stay apart: core never imports the TUI, and common commands stay light."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_CORE = ("textual", "rich", "reader.tui", "reader.cli")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_source_never_imports_the_tui() -> None:
    offenders = []
    for path in sorted((ROOT / "reader" / "core").rglob("*.py")):
        for name in _imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IN_CORE):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return set(out.split())


def _heavy(modules: set[str]) -> set[str]:
    roots = {"textual", "rich", "nltk", "sumy", "numpy"}
    return {m for m in modules if m.split(".")[0] in roots}


def test_importing_core_loads_no_ui_and_no_analysis_stack() -> None:
    assert _heavy(_modules_after("import reader.core, reader.core.library")) == set()


def test_cli_list_path_stays_light() -> None:
    code = "import reader.cli.main, reader.core.query, reader.core.storage"
    assert _heavy(_modules_after(code)) == set()


def _contracts() -> list[dict[str, Any]]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _rooms_of_core() -> set[str]:
    """Every module and package directly inside reader/core."""
    return {
        path.stem
        for path in (ROOT / "reader" / "core").iterdir()
        if path.name != "__init__.py" and (path.suffix == ".py" or (path / "__init__.py").exists())
    }


@pytest.mark.parametrize("client", ["reader.cli", "reader.tui"])
def test_client_contract_forbids_every_module_inside_core(client: str) -> None:
    """A module added to reader.core is covered by "the CLI/TUI imports reader.core only"."""
    (contract,) = [c for c in _contracts() if c.get("source_modules") == [client]]
    inside = {f"reader.core.{room}" for room in _rooms_of_core()}
    assert contract["type"] == "forbidden"
    assert contract.get("allow_indirect_imports") is True
    assert inside == set(contract["forbidden_modules"])


def test_core_layers_name_every_room_of_the_core() -> None:
    """A module added to reader.core gets a place in the core's layers contract."""
    (contract,) = [c for c in _contracts() if c.get("containers") == ["reader.core"]]
    named = {room.strip() for layer in contract["layers"] for room in re.split("[|:]", layer)}
    assert named == _rooms_of_core()


def test_tui_source_imports_only_the_core_facade() -> None:
    """No TUI file names a module inside reader.core, not even in a function or under TYPE_CHECKING."""
    offenders = []
    for path in sorted((ROOT / "reader" / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module == "reader.core":
                    names += [f"reader.core.{alias.name}" for alias in node.names]
            else:
                continue
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.startswith("reader.core.") and _is_core_module(name)
            ]
    assert offenders == []


def _is_core_module(name: str) -> bool:
    """Whether ``name`` is a module or package inside reader/core (not a name it exports)."""
    relative = Path(*name.split(".")[2:])
    folder = ROOT / "reader" / "core" / relative
    return folder.with_suffix(".py").exists() or (folder / "__init__.py").exists()


def test_the_public_api_names_resolve() -> None:
    """Every name in reader.core.__all__ loads, the lazy ones too, and none of them loads Textual."""
    code = (
        "import reader.core as core\n"
        "missing = [n for n in core.__all__ if getattr(core, n, None) is None]\n"
        "assert not missing, missing"
    )
    modules = _modules_after(code)
    assert {m for m in modules if m.split(".")[0] in ("textual", "rich")} == set()
