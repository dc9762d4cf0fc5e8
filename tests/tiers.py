"""Two tiers of one test suite: `make test` on a laptop, every case in CI.

`make test` runs every test of the suite. Where a test repeats one check over many heavy cases
(a notebook run in a fresh kernel per notebook, an explorer at every slider extreme per case, a
pip install of the package from a URL), it runs a sample of them, chosen to cover the most code
for the time; `make test` stays within its three minutes on a fresh 2-core machine (issue 23).
CI sets BPH_FULL=1 (`.ci/run`, `make test-all`): every case, the browser tests in
tests/browser/ and the tests that install the package again.
"""

import os

import pytest

#: every case of every test: CI and `make test-all`
FULL = os.environ.get("BPH_FULL") == "1"

#: for the tests that take longer than the rest of a class of tests put together
full_only = pytest.mark.skipif(not FULL, reason="runs in CI and `make test-all` (BPH_FULL=1)")


def sampled(cases, keep):
    """All of ``cases`` with BPH_FULL=1, else the ones ``keep(case)`` accepts (at least one).

    cases: the list a parametrize or a fixture's params would get; keep: a predicate.
    """
    cases = list(cases)
    if FULL:
        return cases
    kept = [case for case in cases if keep(case)]
    return kept or cases[:1]
