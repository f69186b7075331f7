"""A sketch: the histogram's structure (count the positions that match mine) with the match left to learn.

    weightsmith fit examples/sketches/histogram.py:make examples/sketches/histogram.tsv -o out/histogram
"""

from weightsmith import rasp


def make() -> rasp.SOp:
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same")  # which token pairs match: learned
    return rasp.SelectorWidth(same).named("histogram")
