"""The `fokus` command: exit codes, messages with file:line:column, and nothing published on bad input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from fokus_pi.cli import main

from .conftest import DEMO, TINY_CONFIG


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def broken_demo(tmp_path: Path) -> Path:
    """A copy of the demo data with a bad value, an unknown AGS and a duplicate row."""
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    values = sorted((data / "snapshots").glob("*/values.csv"))[-1]
    lines = values.read_text(encoding="utf-8").splitlines()
    cols = lines[1].split(",")
    lines[1] = ",".join(cols[:3] + ["zwölf"] + cols[4:])        # line 2: non-numeric value
    lines[2] = lines[2].replace(lines[2].split(",")[1], "01056999", 1)  # line 3: unknown AGS
    lines.append(lines[10])                                        # duplicate of line 11
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def test_check_clean_demo_data():
    result = run("check", "--data", str(DEMO))
    assert result.exit_code == 0, result.output
    assert "OK:" in result.output and "49 Gemeinden" in result.output


def test_check_broken_copy_names_file_line_column(broken_demo):
    result = run("check", "--data", str(broken_demo))
    assert result.exit_code == 1
    snap = sorted((broken_demo / "snapshots").glob("*"))[-1].name
    path = f"data/snapshots/{snap}/values.csv"
    out = result.output
    assert f"{path}:2:" in out and "Wert „zwölf“ ist keine Zahl" in out
    assert f"{path}:3:" in out and "unbekanntes Gebiet „01056999“" in out
    n = len((broken_demo / "snapshots" / snap / "values.csv").read_text(encoding="utf-8").splitlines())
    assert f"{path}:{n}:1: doppelte Zeile" in out and "(zuerst in Zeile 11)" in out
    assert "3 Fehler gefunden; nichts veröffentlicht." in out


def test_build_with_bad_data_leaves_the_site_untouched(tiny_copy, tmp_path):
    out = tmp_path / "site"
    first = run("build", "--data", str(tiny_copy), "--out", str(out), "--config", str(TINY_CONFIG))
    assert first.exit_code == 0, first.output
    before = tree_digest(out)
    assert "gemeinden/cestadt/index.html" in before
    values = tiny_copy / "snapshots/2025-06-30/values.csv"
    values.write_text(values.read_text() + "einwohner,01099001,2024,1020,,,\n")
    second = run("build", "--data", str(tiny_copy), "--out", str(out), "--config", str(TINY_CONFIG))
    assert second.exit_code == 1
    assert "doppelte Zeile" in second.output
    assert tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp-")] == []


def test_pages_command_writes_markdown_without_mkdocs(tmp_path):
    from .conftest import TINY

    result = run("pages", "--data", str(TINY), "--out", str(tmp_path / "md"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "md/gemeinden/cestadt.md").read_text(encoding="utf-8")
    assert "<td>2024</td><td>10,7</td><td>+0,3</td><td>1 von 3</td>" in text


def test_serve_gives_a_live_preview(tmp_path):
    """`fokus serve` answers on 127.0.0.1 with a generated page (bounded: 60 s at most)."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from .conftest import TINY

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "fokus_pi.cli", "serve", "--data", str(TINY), "--config", str(TINY_CONFIG),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline, body = time.monotonic() + 60, ""
        while time.monotonic() < deadline and not body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/gemeinden/cestadt/", timeout=2) as resp:
                    body = resp.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "Cestadt" in body and "10,7" in body
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_installed_command_exits_quickly_with_output_handlers_and_code(tmp_path, broken_demo):
    """`fokus` as installed (cli.run) leaves without the interpreter's teardown: what it printed still arrives,
    exit handlers registered during the run still run, and the exit code is the command's."""
    import subprocess
    import sys

    from .conftest import TINY

    marker = tmp_path / "handler-ran"
    script = ("import atexit, pathlib, sys; from fokus_pi import cli; "
              f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'ja'); "
              "sys.argv = ['fokus', *sys.argv[1:]]; cli.run()")

    def fokus(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)

    ok = fokus("check", "--data", str(TINY), "--content", str(tmp_path / "keine-texte"))
    assert ok.returncode == 0 and ok.stdout.startswith("OK: ") and "Gemeinden" in ok.stdout
    assert marker.read_text() == "ja"
    marker.unlink()
    bad = fokus("check", "--data", str(broken_demo))
    assert bad.returncode == 1 and "3 Fehler gefunden; nichts veröffentlicht." in bad.stderr
    assert "values.csv:2:" in bad.stderr and marker.read_text() == "ja"
    usage = fokus("demo", "--scale", "land", "--out", "data")
    assert usage.returncode == 2 and "synthetische Daten nicht nach data/ schreiben" in usage.stderr
