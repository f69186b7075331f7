"""A check the generated everyday corpora share: the committed files are what the generator makes."""

from types import ModuleType


def assert_files_are_the_generators(module: ModuleType) -> None:
    """dev is `generate` from its seed, and dev and test (1,200 each) share no sentence."""
    dev = module.load("dev")
    assert dev == module.generate(module.PER_SPLIT, module.SPLITS["dev"])
    test = module.load("test")
    assert len(dev) == len(test) == 1200 and not {e.words for e in dev} & {e.words for e in test}
