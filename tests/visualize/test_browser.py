"""The network page and the map, opened in headless Chromium (skipped without it).

A page is opened with ``--dump-dom`` after a probe script (added to a copy of the page)
has written what it saw into the DOM: whether the network or the map was drawn, how many
canvas pixels are painted, the node count vis-network holds. Every request the page made
is read from Chromium's NetLog (``--log-net-log``): requests a page starts carry its
origin as initiator (``null`` for a file), the browser's own background requests carry
none (``not an origin``). No WebSocket client, no DevTools protocol: nothing to install
but Debian's ``chromium`` (``.ci/run`` installs it; these tests skip without it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from kg.cli.main import main

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "data" / "fa-kes" / "fa-kes-dev.csv"

_PROBE = """<script>
(function () {
  var started = Date.now();
  function settled() {
    var status = document.getElementById("kg-status");
    var drawn = document.body.hasAttribute("data-kg-drawn") ||
                document.body.hasAttribute("data-kg-markers");
    return drawn && !(status && status.textContent.trim());
  }
  function report() {
    if (!settled() && Date.now() - started < 60000) { setTimeout(report, 250); return; }
    var painted = 0, canvases = [];
    document.querySelectorAll("canvas").forEach(function (c) {
      var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, n = 0;
      for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n += 1; } }
      painted += n; canvases.push([c.width, c.height, n]);
    });
    var notice = document.getElementById("kg-tiles-notice");
    var result = {
      drawn: document.body.getAttribute("data-kg-drawn"),
      markers: document.body.getAttribute("data-kg-markers"),
      canvases: canvases,
      painted: painted,
      network_nodes: window.kgNetwork ? window.kgNetwork.body.data.nodes.length : null,
      data_nodes: (function () {
        var el = document.getElementById("kg-graph-data");
        return el ? JSON.parse(el.textContent).nodes.length : null;
      })(),
      tiles_notice_shown: notice ? !notice.hidden : null,
      resources: performance.getEntriesByType("resource").map(function (e) { return e.name; })
    };
    var pre = document.createElement("pre");
    pre.id = "kg-probe";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }
  window.addEventListener("load", function () { setTimeout(report, 250); });
})();
</script>"""

_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
    # Nothing resolves: a page that tries the network fails fast, and the NetLog shows it.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


class Browser:
    """Open local pages in headless Chromium (a fresh profile each time)."""

    def __init__(self, binary: str, workdir: Path) -> None:
        self.binary = binary
        self.workdir = workdir
        self._runs = 0

    def _run(self, args: list[str], timeout: float) -> subprocess.CompletedProcess:
        self._runs += 1
        profile = self.workdir / f"profile-{self._runs}"
        return subprocess.run(
            [self.binary, *_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def probe(self, page: Path, timeout: float = 240) -> tuple[dict, list[str]]:
        """What the page drew (see the module docstring), and the URLs it requested."""
        probed = self.workdir / f"probed-{self._runs}-{page.name}"
        html = page.read_text(encoding="utf-8")
        probed.write_text(html.replace("</body>", _PROBE + "</body>", 1), encoding="utf-8")
        netlog = self.workdir / f"netlog-{self._runs}.json"
        done = self._run(
            ["--virtual-time-budget=60000", f"--log-net-log={netlog}", "--dump-dom",
             probed.as_uri()],
            timeout,
        )  # fmt: skip
        found = re.search(r'<pre id="kg-probe">(.*?)</pre>', done.stdout, re.S)
        assert found, f"the probe did not report; chromium said:\n{done.stderr[-2000:]}"
        text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
        return json.loads(text.replace("&amp;", "&")), page_requests(netlog)

    def screenshot(self, page: Path, png: Path, timeout: float = 240) -> Path:
        png.parent.mkdir(parents=True, exist_ok=True)
        self._run(
            ["--virtual-time-budget=60000", "--hide-scrollbars", f"--screenshot={png}",
             page.as_uri()],
            timeout,
        )  # fmt: skip
        assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        return png

    @staticmethod
    def hosts(urls: list[str]) -> set[str]:
        """The hosts of network URLs (file:, data:, blob: and about: have none)."""
        return hosts(urls)


def page_requests(netlog: Path) -> list[str]:
    """The URLs of the requests pages started (not the browser's own), from a NetLog."""
    text = netlog.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
    if not text.endswith("}"):  # a log cut short by the browser's exit: close it
        text = text.rstrip(",\n ") + "]}"
    log = json.loads(text)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log.get("events", []):
        params = event.get("params") or {}
        if (
            names.get(event["type"]) == "URL_REQUEST_START_JOB"
            and "url" in params
            and params.get("initiator") != "not an origin"
        ):
            urls.append(params["url"])
    return urls


def hosts(urls: list[str]) -> set[str]:
    """The hosts of network URLs (file:, data:, blob: and about: have none)."""
    return {urlsplit(u).hostname or "" for u in urls if urlsplit(u).scheme not in
            ("file", "data", "blob", "about", "chrome")}  # fmt: skip


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> Browser:
    binary = chromium_binary()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    return Browser(binary, tmp_path_factory.mktemp("chromium"))


@pytest.fixture(scope="session")
def fakes_graph(tmp_path_factory) -> Path:
    """The FA-KES dev corpus built once per session (a few minutes), or the graph file
    named by ``KG_FAKES_GRAPH`` (e.g. from ``kg build ... --out out/fakes.trig --merge``)."""
    if prebuilt := os.environ.get("KG_FAKES_GRAPH"):
        return Path(prebuilt)
    if not CORPUS.is_file():
        pytest.skip("../shared/data/fa-kes is not present")
    import kg
    from kg.merge import merge

    graph = kg.build_graph([CORPUS])
    merge(graph)
    return graph.serialize(tmp_path_factory.mktemp("fakes") / "fa-kes-dev.trig")


def _graph_data(html: str) -> dict:
    found = re.search(r'id="kg-graph-data" type="application/json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def seed_file(seed_graph, tmp_path_factory) -> Path:
    return seed_graph.serialize(tmp_path_factory.mktemp("seed") / "seed.trig")


def test_seed_network_is_drawn_offline(browser, seed_file, tmp_path):
    page = tmp_path / "seed.html"
    _run("viz", str(seed_file), "--out", str(page))
    probe, requests = browser.probe(page)
    expected = len(_graph_data(page.read_text(encoding="utf-8"))["nodes"])
    assert probe["network_nodes"] == probe["data_nodes"] == expected > 0
    assert probe["drawn"] == str(expected)
    assert probe["painted"] > 1000, probe  # the canvas has content
    assert browser.hosts(requests) == set() and probe["resources"] == [], requests


def test_seed_map_needs_only_tiles_and_says_when_they_fail(browser, seed_file, tmp_path):
    page = tmp_path / "map.html"
    _run("map", str(seed_file), "--out", str(page))
    probe, requests = browser.probe(page)
    assert probe["markers"] == "3"
    assert probe["painted"] > 200, probe  # the circle markers are drawn
    assert browser.hosts(requests) <= {"tile.openstreetmap.org"}, requests
    assert probe["tiles_notice_shown"] is True  # no network here: the page says so
    offline = tmp_path / "offline.html"
    _run("map", str(seed_file), "--out", str(offline), "--tiles", "none")
    probe, requests = browser.probe(offline)
    assert probe["markers"] == "3" and browser.hosts(requests) == set()


@pytest.mark.slow
def test_dev_corpus_network_and_map(browser, fakes_graph, tmp_path):
    """The page from the FA-KES dev corpus (Abu Salem et al., ICWSM 2019, CC BY 4.0)."""
    page = tmp_path / "fakes.html"
    out = _run("viz", str(fakes_graph), "--out", str(page))
    assert "left out" in out  # thousands of nodes: the default --max-nodes cuts
    html = page.read_text(encoding="utf-8")
    assert 'id="kg-notice"' in html and "left out" in html
    probe, requests = browser.probe(page)
    expected = len(_graph_data(html)["nodes"])
    assert probe["network_nodes"] == probe["data_nodes"] == expected
    assert re.search(rf'<span id="kg-node-count">{expected}</span>', html)
    assert probe["painted"] > 10000, probe
    assert browser.hosts(requests) == set() and probe["resources"] == [], requests
    actors = tmp_path / "actors.html"
    _run("viz", str(fakes_graph), "--out", str(actors), "--view", "actors")
    probe, requests = browser.probe(actors)
    assert probe["network_nodes"] > 20 and probe["painted"] > 10000
    assert browser.hosts(requests) == set()
    atlas = tmp_path / "map.html"
    _run("map", str(fakes_graph), "--out", str(atlas))
    probe, requests = browser.probe(atlas)
    assert int(probe["markers"]) > 50 and probe["painted"] > 10000
    assert browser.hosts(requests) <= {"tile.openstreetmap.org"}
    if shots := os.environ.get("KG_SCREENSHOTS"):  # for a human to look at
        browser.screenshot(page, Path(shots) / "network.png")
        browser.screenshot(actors, Path(shots) / "actors.png")
        browser.screenshot(atlas, Path(shots) / "map.png")
