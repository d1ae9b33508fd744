"""A non-editable install ships the ontology and data and builds from any folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.subprocess
@pytest.mark.slow
def test_wheel_install_builds_the_graph_from_another_folder(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheel_dir), str(REPO)], check=True, capture_output=True)
    target = tmp_path / "site"
    wheel = next(wheel_dir.glob("battery_kg-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    assert (target / "graph" / "ontology" / "shapes.ttl").is_file()
    assert (target / "graph" / "data" / "registry.ttl").is_file()
    assert not (target / "graph" / "data").is_symlink()
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    code = ("import graph, sys; sys.stdout.write(graph.__file__ + '\\n'); "
            "r = graph.build(out='out'); print(r.triples)")
    result = subprocess.run([sys.executable, "-c", code], cwd=workdir, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    module_file, triples = result.stdout.split()
    assert module_file.startswith(str(target))
    assert int(triples) > 1000
    assert (workdir / "out" / "battery-kg.trig").is_file()
