"""The optional packages the exports need, and the error that names the extra to install.

The exports are optional (`pip install 'weightsmith[export]'`): nothing else in weightsmith needs
TransformerLens or ONNX, and they are heavy. Importing them goes through `require`, so a missing one
is a one-line error saying what to install, not an ImportError from deep inside a call.
"""

from __future__ import annotations

import importlib
from types import ModuleType

EXTRA = "export"


class MissingExtra(RuntimeError):
    """An optional package an export needs is not installed."""


def require(module: str, purpose: str) -> ModuleType:
    """`module` imported, or MissingExtra naming the extra that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise MissingExtra(
            f"{purpose} needs the package {module.split('.')[0]!r} ({err}); install the extra: "
            f"pip install 'weightsmith[{EXTRA}]'") from None


def refuse_loops(config, what: str) -> None:
    """A looped model runs its middle block again until its own stop flag is set: an exported graph or a
    circuit of components has a fixed depth, so it would run the block a fixed number of times and answer
    wrong (the ONNX and TransformerLens exports of a countdown loop gave 2 where the model gives 0)."""
    if config.loop is not None:
        raise ValueError(f"{what} of a looped model is not supported: its block runs until the model's stop flag "
                         "is set, and a fixed-depth graph would not stop there")
