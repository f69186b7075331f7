"""Small looped programs shared by the interpreter's and the compiler's loop tests."""

from weightsmith import rasp


def rotate_left(max_steps: int, halt_when=lambda x: False) -> rasp.Loop:
    """Rotates the sequence left by one per step (attention in the block) until its first token satisfies
    `halt_when` (by default never)."""
    shift = rasp.Select(rasp.indices, rasp.SequenceMap(lambda i, n: (i + 1) % n, rasp.indices, rasp.length),
                        rasp.Comparison.EQ)
    first = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 0)
    return rasp.Loop(
        state={"xs": rasp.tokens},
        step=lambda s: {"xs": rasp.Aggregate(shift, s["xs"])},
        halt=lambda s: rasp.Map(halt_when, rasp.Aggregate(first, s["xs"])),
        max_steps=max_steps,
    ).named("rotate")
