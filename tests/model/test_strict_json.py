"""Strict JSON: equal to `json.loads` on shallow, finite, duplicate-free JSON; a ValueError on the rest."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from weightsmith.model.strict_json import parse

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(
    alphabet=st.sampled_from('ab"\\[]{}é\n\t'), max_size=6)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(alphabet=st.sampled_from('k"\\[]{'), max_size=3), inner, max_size=3), max_leaves=12)


def depth(value) -> int:
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
    return 0 if inner is None else 1 + max(map(depth, inner), default=0)


@given(VALUES, st.integers(1, 6))
def test_equal_to_json_loads_within_the_depth_bound(value, max_depth):
    """Brackets and escaped quotes inside strings do not count; the bound holds exactly."""
    text = json.dumps(value, indent=None if max_depth % 2 else 1)
    if depth(value) <= max_depth:
        assert parse(text, max_depth) == json.loads(text)
    else:
        with pytest.raises(ValueError, match=f"nested deeper than {max_depth} levels"):
            parse(text, max_depth)


@pytest.mark.parametrize("depth_", [9, 1000, 1_000_000])
def test_deep_nesting_is_a_value_error_not_a_recursion_error(depth_):
    with pytest.raises(ValueError, match="nested deeper than 8 levels"):
        parse("[" * depth_ + "]" * depth_, 8)
    with pytest.raises(ValueError, match="nested deeper than 8 levels"):
        parse('{"a": ' * depth_ + "1" + "}" * depth_, 8)


@pytest.mark.parametrize(("text", "message"), [
    ('{"a": 1, "a": 1}', "key 'a' appears twice"),
    ('[{"b": {"c": 1, "c": 2}}]', "key 'c' appears twice"),
    ("[NaN]", "NaN is not a finite number"),
    ("[-Infinity]", "-Infinity is not a finite number"),
    ("[1e999]", "1e999 is not a finite float"),
    ("[" + "9" * 5000 + "]", "not valid JSON"),
    ("[1, 2", "not valid JSON"),
    ("", "not valid JSON"),
])
def test_what_json_loads_would_accept_or_crash_on(text, message):
    with pytest.raises(ValueError, match=message):
        parse(text, 8)


def test_a_closing_bracket_inside_a_string_does_not_hide_depth():
    # found by the property test: counting every bracket let `{"]": []}` pass as depth 1
    with pytest.raises(ValueError, match="deeper than 1"):
        parse('{"]": []}', max_depth=1)
    assert parse('{"]": []}', max_depth=2) == {"]": []}
