"""Models built from models: `switch` (one of several, chosen by a token), `pipe` (one after another), and
`programmable` (a transformer that runs the program given in its input).

    from weightsmith.compose import switch, pipe, programmable
    sw = switch({"A": sort_model, "B": reverse_model})     # weights in, one Transformer out
    sw.apply(["BOS", "A", 3, 1, 2]).decoded                 # [BOS, "A", 1, 2, 3]

Every result is an instance of the one architecture, `weightsmith.model.Transformer`.
"""

from weightsmith.compose.composed import ComposedModel
from weightsmith.compose.pipe import pipe
from weightsmith.compose.programmable import programmable, programmable_program, run_program
from weightsmith.compose.stack import ComposeError
from weightsmith.compose.switch import switch

__all__ = ["ComposeError", "ComposedModel", "pipe", "programmable", "programmable_program", "run_program", "switch"]
