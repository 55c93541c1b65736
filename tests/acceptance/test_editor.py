"""An editor in a newsroom's repository: the real yaml-language-server, driven over LSP.

`claimcheck init` names the schema by a relative path to the project's `schema/` copy, so
the server reads it offline: the test opens a claim file the way an editor does
(initialize, didOpen), receives the diagnostics the server publishes, and asks for
completions. Marked `lsp`; it needs node and the server (`.ci/run` installs it with npm and
names it in CLAIMCHECK_YAML_LANGUAGE_SERVER; else `yaml-language-server` on PATH).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import pytest

from tests.helpers import BRICS_ENTITIES

pytestmark = pytest.mark.lsp

TIMEOUT = 60.0


def _server() -> str:
    found = os.environ.get("CLAIMCHECK_YAML_LANGUAGE_SERVER") or shutil.which(
        "yaml-language-server"
    )
    if not found:
        pytest.skip(
            "yaml-language-server not found: `npm install yaml-language-server` and set "
            "CLAIMCHECK_YAML_LANGUAGE_SERVER to its bin/yaml-language-server (.ci/run does)"
        )
    return found


class Client:
    """A minimal LSP client over stdio: Content-Length framed JSON-RPC, one reader thread."""

    def __init__(self, command: list[str], cwd: Path):
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.messages: Queue[dict[str, Any]] = Queue()
        self.next_id = 0
        self.settings: dict[str, Any] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in reply, reply
        return reply.get("result")

    def wait(self, wanted: Any) -> dict[str, Any]:
        """The next message ``wanted`` accepts; the server's own requests are answered."""
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except Empty:
                raise AssertionError("the language server said nothing for a minute") from None
            if "method" in message and "id" in message:  # a request from the server
                result: Any = None
                if message["method"] == "workspace/configuration":
                    items = message["params"]["items"]
                    result = [self.settings.get(i.get("section", ""), {}) for i in items]
                self._send({"id": message["id"], "result": result})
            if wanted(message):
                return message

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
                if pipe is not None:
                    pipe.close()


CLAIM = (
    """claims:
  - id: c
    kind: membership
    group: brics
    member: [brazil]
    complete: false
    quote: BRICS forum
  - id: d
    kind: membership
    group: brics
    members: [brazil]
    complete: false
    quote: BRICS forum
"""
    + "    \n"
)  # a blank line inside the second claim, indented as its fields: the cursor


def test_the_editor_checks_and_completes_a_claim_file_offline(tmp_path: Path) -> None:
    server = _server()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Title\n\nBRICS forum.\n", encoding="utf-8")
    run = [sys.executable, "-m", "claimcheck"]
    started = subprocess.run(
        [*run, "init", "articles/a.txt"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert started.returncode == 0, started.stderr
    path = tmp_path / "claims" / "a.claims.yaml"
    text = path.read_text(encoding="utf-8").replace("entities: {}\n", BRICS_ENTITIES)
    text = text.replace("claims: []\n", CLAIM)
    path.write_text(text, encoding="utf-8")
    verified = subprocess.run(
        [*run, "verify", "--format", "json", "--select", "CC002", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    (ours,) = [f for f in json.loads(verified.stdout)["findings"] if f["rule"] == "CC002"]
    assert ours["message"] == "unknown field 'member': did you mean 'members'?"

    command = [server, "--stdio"] if not server.endswith(".js") else ["node", server, "--stdio"]
    client = Client(command, tmp_path)
    try:
        client.settings = {
            "yaml": {"validate": True, "completion": True, "schemaStore": {"enable": False}}
        }
        client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": tmp_path.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "publishDiagnostics": {},
                        "completion": {"completionItem": {"snippetSupport": False}},
                    },
                },
            },
        )
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": client.settings})
        uri = path.as_uri()
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        published = client.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"]["diagnostics"]
            )
        )
        diagnostics = published["params"]["diagnostics"]
        # The schema was read (offline, from ../schema/claims-v1.json): the misspelt field is
        # flagged where claimcheck flags it (LSP counts lines and columns from 0).
        starts = {
            (d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1)
            for d in diagnostics
        }
        assert (ours["line"], ours["column"]) in starts, diagnostics
        # Completion on the blank line inside the second claim offers the claim's fields.
        lines = text.splitlines()
        blank = max(i for i, line in enumerate(lines) if line.strip() == "")
        completion = client.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": blank, "character": 4}},
        )
        items = completion["items"] if isinstance(completion, dict) else completion
        labels = {item["label"] for item in items}
        assert {"at", "sources", "notes"} <= labels, sorted(labels)
    finally:
        client.close()
