"""Shared pieces of the command line: one-line errors and exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from signals.errors import KonfliktError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(f"konflikt: error: {message}", err=True)
    return typer.Exit(code)


def user_errors(func: F) -> F:
    """Turn the errors a user can act on into one line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KonfliktError as exc:
            raise fail(str(exc)) from None
        except FileNotFoundError as exc:
            raise fail(f"file not found: {exc.filename}") from None
        except PermissionError as exc:
            raise fail(f"permission denied: {exc.filename}") from None
        except IsADirectoryError as exc:
            raise fail(f"expected a file, got a folder: {exc.filename}") from None

    return wrapper  # type: ignore[return-value]
