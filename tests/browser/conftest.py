"""The review page in a real browser: Debian's Chromium, driven by Playwright.

Never a downloaded browser build: the executable is /usr/bin/chromium (or
CLAIMCHECK_CHROMIUM). axe-core comes from the npm registry (AXE_CORE_JS names its
axe.min.js; .ci/run installs it in a temporary folder). What is missing is skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# No network, no updates, no sync: nothing the browser itself might fetch. A fresh profile
# (user_data_dir) for every session.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Run in the page before its own script: whatever tries to alert, prompt, log an error or
# break the policy is recorded, so a test can say that nothing ran.
HOOKS = """
window.__events = [];
for (const name of ["alert", "confirm", "prompt", "open", "print"]) {
  window[name] = (...args) => { window.__events.push(name + ":" + args.join(",")); };
}
const error = console.error.bind(console);
console.error = (...args) => {
  window.__events.push("console.error:" + args.join(","));
  error(...args);
};
document.addEventListener("securitypolicyviolation", (e) => {
  window.__events.push("csp:" + e.violatedDirective + ":" + e.blockedURI);
});
"""


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[browser]'"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=FLAGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
            service_workers="block",
        )
        context.add_init_script(HOOKS)
        yield context
        context.close()


@pytest.fixture
def axe_source() -> str:
    found = os.environ.get("AXE_CORE_JS")
    if not found or not Path(found).is_file():
        pytest.skip("axe-core not found: npm install axe-core, then AXE_CORE_JS=.../axe.min.js")
    return Path(found).read_text(encoding="utf-8")
