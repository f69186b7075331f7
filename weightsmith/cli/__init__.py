"""The `weightsmith` command line. Nothing in the library imports it.

`common` holds the app and the shared error handling; each other module registers one area's commands
(importing it is what adds them).
"""

# the order of the imports is the order of `weightsmith --help`
from weightsmith.cli import programs, pictures, nlp, learning, sketch, extract, arithmetic, computers, compose, modules, export, sweep  # noqa: F401, I001  (registers the commands)
from weightsmith.cli.common import app


def main() -> None:
    app()


__all__ = ["app", "main"]
