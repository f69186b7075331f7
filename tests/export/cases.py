"""The programs the export tests run, and random padded batches to run them on."""

import random

from weightsmith.library import PROGRAMS

# two programs also compiled as decoders, so the causal mask is exported and checked too
CAUSAL = ("reverse", "dyck1")
CASES = [(name, False) for name in PROGRAMS] + [(name, True) for name in CAUSAL]
# (name, causal, compact): every case one-hot, and two compiled compact, output included (read through codes)
WITH_COMPACT = [(name, causal, False) for name, causal in CASES] + [("sort", False, True), ("reverse", True, True)]


def random_batches(name: str, seed: int = 0, n: int = 48) -> list[list[list]]:
    """Two batches: inputs of every length with trailing PAD (the widest positions), and short ones."""
    p, rng = PROGRAMS[name], random.Random(seed)
    bos, pad, top = "BOS", "PAD", p.max_seq_len

    def one(longest: int) -> list:
        tokens = [bos] + [rng.choice(p.vocab) for _ in range(rng.randint(1, longest))]
        return tokens + [pad] * rng.randint(0, longest + 1 - len(tokens))

    return [[one(top) for _ in range(n)], [one(max(1, top // 2)) for _ in range(n)]]
