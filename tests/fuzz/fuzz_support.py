"""One property, two runs: a short one in the default suite and a long one under the `slow` marker."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def fuzz_pair(
    body: Callable[..., None], *, fast: int, slow: int, **strategies: st.SearchStrategy[Any]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """(default test, slow test) running `body` on `fast` and `slow` generated examples.

    Seeds are derived from the test (derandomize), so a failure reproduces on every run.
    """

    def make(examples: int) -> Callable[..., None]:
        @functools.wraps(body)
        def test(*args: Any, **kwargs: Any) -> None:
            body(*args, **kwargs)

        configured = settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )(test)
        return given(**strategies)(configured)

    return make(fast), pytest.mark.slow(make(slow))
