"""Verifying opens no socket: every way to make one fails, and the answers do not change."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import ROOT
from tests.hostile import BAD_INPUTS


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(name: str):
        def refused(*args, **kwargs):
            attempts.append(name)
            raise NetworkUsedError(f"claimcheck tried socket.{name}{args!r}")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_fixture_really_blocks_sockets(no_network: list[str]):
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network == ["create_connection"]


def test_seed_claims_and_a_bad_file_verify_offline(no_network, monkeypatch):
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    seed = runner.invoke(cli, ["verify", "claims/"])
    assert seed.exit_code == 1, seed.output
    assert "error CC101" in seed.output
    as_json = runner.invoke(cli, ["verify", "claims/", "--format", "json"])
    assert as_json.exit_code == 1 and '"rule": "CC101"' in as_json.output
    bad = runner.invoke(cli, ["verify", str(BAD_INPUTS / "y09_python_apply.yaml")])
    assert bad.exit_code == 2 and "is not allowed" in bad.output
    assert no_network == []
