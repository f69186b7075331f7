"""Turning what a user types into a program and its tokens: a library name or `file.py:function`.

Shared by the CLI and the demo. Token parsing is explicit: a typed token is matched against the
vocabulary by its text, so `1` means the integer 1 only when the vocabulary holds the integer 1.
"""

from __future__ import annotations

import ast
import contextlib
import re
import sys
import traceback
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

from weightsmith import rasp
from weightsmith.rasp.value_set import first_repeat
from weightsmith.library.limits import Limits


@dataclass(frozen=True)
class ProgramSpec:
    """A program with the vocabulary and length it is run or compiled for."""

    name: str
    program: rasp.SOp
    vocab: Optional[tuple]
    max_seq_len: Optional[int]
    source: Optional[str] = None  # the program's source text, when it came from a file
    limits: Limits = Limits()  # what a library program is correct for (a file's program states none)


LEARNED_FILE = "program.json"  # what marks a folder `weightsmith learn` wrote
_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")
_BOOLS = {"True": True, "False": False}
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def parse_value(text: str) -> int | float | str | bool:
    """A typed vocabulary item or token as the program sees it: `3` -> 3, `-1.5` -> -1.5, `True` -> True,
    anything else (`a`, `nan`, `1e3`, `true`) stays text. Numbers must be numbers and bools bools: as
    text, `10.5 < 2.5`, `2 * "1"` is "11" and `not "False"` is False, and the program answers without an
    error. Quoted, a text is the text inside (`'1'` -> "1"), as typed tokens read it (`parse_tokens`): `--vocab
    "'1',2"` kept the quotes, a three-character token, so a text that looks like a number could not be given."""
    quoted = _QUOTED.fullmatch(text)
    if quoted:
        return quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
    if text in _BOOLS:
        return _BOOLS[text]
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    return text


def parse_vocab(text: str) -> tuple:
    """`a,b,c` -> ('a', 'b', 'c'); items that are numbers or bools become ints, floats or bools
    (`1,2.5,True` -> (1, 2.5, True))."""
    items = [t.strip() for t in text.split(",")]
    if not any(items):
        raise ValueError(f"empty vocabulary: {text!r}")
    if "" in items:  # it used to be dropped: `--vocab ,x` compiled over ['x'] alone, without a word
        raise ValueError(f"item {items.index('') + 1} of the vocabulary {text!r} is empty: items are stripped of "
                         "spaces: quote a token that is empty or holds spaces ('', ' ')")
    values = tuple(map(parse_value, items))
    repeat = first_repeat(values)
    if repeat is not None:
        i, j = repeat
        raise ValueError(f"the vocabulary repeats a token: {items[j]!r} equals {items[i]!r} (as values "
                         f"{values[j]!r} == {values[i]!r}); give each token once")
    return values


class ProgramFileError(ValueError):
    """A user's program file that cannot give a program: missing, unreadable, a syntax error, or its
    code raised. The message is one line naming the file and line at fault."""


def load_program(spec: str, vocab: Optional[str] = None, max_seq_len: Optional[int] = None) -> ProgramSpec:
    """A library program by name, or `path/to/file.py:function` (the function returns an s-op).

    A library program is checked against its `limits` for the vocabulary and length asked for.
    """
    if max_seq_len is not None and max_seq_len < 1:
        raise ValueError(f"the max length must be at least 1, got {max_seq_len}")
    if ":" in spec and spec.split(":", 1)[0].endswith(".py"):
        path_text, func_name = spec.rsplit(":", 1)
        return _file_program(spec, Path(path_text), func_name, parse_vocab(vocab) if vocab is not None else None,
                             max_seq_len)
    if spec.endswith(".py"):
        raise ProgramFileError(f"{spec}: name the function that builds the program, as `{spec}:function`"
                               + _functions_hint(Path(spec)))
    from weightsmith.library import PROGRAMS, get_program

    if spec not in PROGRAMS and ("/" in spec or Path(spec).exists()):
        if (Path(spec) / LEARNED_FILE).is_file():
            raise ValueError(f"{spec}: a Transformer Program (weightsmith learn), already compiled into the model "
                             f"folder {Path(spec) / 'model'}; `verify` takes it as the program that folder computes")
        if Path(spec).is_dir():  # it was called "a file, not a model folder"
            raise ValueError(f"{spec}: a model folder, where a program is wanted (a library name or "
                             "`file.py:function`; a folder written by `compile` keeps its source as program.py)")
        what = "a file, not a model folder" if Path(spec).exists() else "no such model folder or program file"
        raise ValueError(f"{spec}: {what} (a model folder holds config.json and model.safetensors; "
                         "a program is a library name or `file.py:function`)")
    if spec not in PROGRAMS:
        from weightsmith.library import nlp

        if spec in nlp.HIGHLIGHTS:  # else "no library program named 'sentiment'", as if there were none
            raise ValueError(f"{spec} is a language task: it runs as `weightsmith run {spec} WORDS...` (or its own "
                             "command: translate, grammar, sentiment), which compiles it once and caches it")
    entry = get_program(spec)
    resolved = ProgramSpec(
        entry.name,
        entry.build(),
        parse_vocab(vocab) if vocab is not None else tuple(entry.vocab),
        entry.max_seq_len if max_seq_len is None else max_seq_len,
        limits=entry.limits,
    )
    entry.limits.check(entry.name, resolved.vocab, resolved.max_seq_len)
    return resolved


def learned_program(folder: Path) -> Optional[ProgramSpec]:
    """The Transformer Program `weightsmith learn` wrote into `folder` (program.json), as its decompiled RASP: what
    `verify` checks the folder's compiled model (`folder/model`) against. None where the folder holds none.
    Only `verify` takes it: compiled by `compile`, the model would not refuse inputs without the program's BOS
    first, as `learn.compile_program`'s does."""
    if not (folder / LEARNED_FILE).is_file():
        return None
    from weightsmith.learn import DiscreteProgram, decompile_to_rasp

    program = DiscreteProgram.load(folder)  # a damaged folder: a ValueError naming it
    source = folder / "program.py"
    return ProgramSpec(str(folder), decompile_to_rasp(program), tuple(program.config.vocab), program.config.max_len,
                       source=source.read_text() if source.is_file() else None)


def _not_an_sop(value: object) -> str:
    """What a program file's function returned instead of an s-op, and what to return."""
    kind = type(value).__name__
    if type(value).__module__.split(".")[0] == "tracr":  # the same API, built with Tracr's classes
        return (f"a Tracr s-op ({kind}): write it with `from weightsmith import rasp` instead of "
                "`from tracr.rasp import rasp` (the same API)")
    if isinstance(value, rasp.Selector):
        return f"{kind}, a selector, not an s-op: return what reads it (rasp.Aggregate, rasp.SelectorWidth)"
    return f"{kind}, not a RASP s-op"


def _file_program(spec: str, path: Path, func_name: str, vocab: Optional[tuple],
                  max_seq_len: Optional[int]) -> ProgramSpec:
    """Runs the user's file and calls `func_name`; anything it raises becomes one line naming file and line."""
    if not path.is_file():
        raise ProgramFileError(f"no such file: {path}")
    try:
        source = path.read_text(encoding="utf-8")
        code = compile(source, str(path), "exec")
    except SyntaxError as error:
        line = "" if error.lineno is None else f":{error.lineno}"  # a NUL byte's error has no line
        raise ProgramFileError(f"{path}{line}: syntax error: {error.msg}") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ProgramFileError(f"{path}: cannot read it as Python source ({error})") from None
    module = types.ModuleType(path.stem)
    module.__file__ = str(path)
    with _importable_beside(path):
        try:
            exec(code, module.__dict__)
        except (Exception, SystemExit) as error:  # the user's code: whatever it raises is reported, not re-raised
            # (sys.exit too: it ended the CLI silently, with the user's exit code)
            raise ProgramFileError(_raised_in(path, error, "running it raised")) from None
        function = getattr(module, func_name, None)
        if not callable(function):
            raise ProgramFileError(f"{path} has no function {func_name!r}" + _functions_hint(path))
        try:
            program = function()
        except (Exception, SystemExit) as error:
            raise ProgramFileError(_raised_in(path, error, f"{func_name}() raised")) from None
    if not isinstance(program, rasp.SOp):
        raise ProgramFileError(f"{spec} returned {_not_an_sop(program)}")
    return ProgramSpec(spec, program, vocab, max_seq_len, source)


@contextlib.contextmanager
def _importable_beside(path: Path) -> Iterator[None]:
    """The file's folder first on sys.path while it runs, as `python file.py` has it: a program split into
    files (`from helpers import flip`) imports its siblings. (The installed `weightsmith` command does not
    have the working folder on sys.path, so without this such a file raised ModuleNotFoundError.)"""
    folder = str(path.resolve().parent)
    sys.path.insert(0, folder)
    try:
        yield
    finally:
        sys.path.remove(folder)


def _raised_in(path: Path, error: BaseException, what: str) -> str:
    """"file:line: what ErrorType: message", the line being the last one of `path` in the traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename) == path]
    where = f"{path}:{frames[-1].lineno}" if frames else str(path)
    message = " ".join(str(error).split())
    return f"{where}: {what} {type(error).__name__}" + (f": {message}" if message else "")


def _functions_hint(path: Path) -> str:
    """The file's top-level functions, found without running it (a hint for `file.py:function`)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return ""
    names = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    return f" (its functions: {', '.join(names)})" if names else ""


def parse_tokens(raw: Sequence[str], vocab: Optional[Sequence], bos: str = "BOS") -> list:
    """Typed tokens -> vocabulary values, matched by text; an unknown token is an error naming it. When two
    values share a text (a switch over the selector '1' and the number 1), the text is read as a Python
    literal: `1` is the number, `'1'` (quoted in the shell) the string. (It was read as whichever came last
    in the vocabulary, so `1` meant the selector and the model answered for another input.) Without a
    vocabulary (a file's program run without --vocab) each token is read as `parse_value` reads it.
    The error says what the API's input looks like when the token is typed as it: `bos` (which a command puts
    first itself) or tokens quoted into one argument (`run reverse "BOS a b"`)."""
    if vocab is None:
        return [parse_value(t) for t in raw]
    by_text: dict[str, list] = {}
    for v in vocab:
        by_text.setdefault(str(v), []).append(v)
    by_literal = {repr(v): v for v in vocab}
    values = []
    for t in raw:
        matches = by_text.get(t, [])
        if len(matches) == 1:
            values.append(matches[0])
        elif t in by_literal:  # shared texts: at most one value (a number or bool) has the text as its literal
            values.append(by_literal[t])
        else:
            raise ValueError(f"token {t!r} is not in the vocabulary {list(vocab)!r}{_typed_as_api_input(t, bos, by_text)}")
    return values


def _typed_as_api_input(token: str, bos: str, by_text: dict[str, list]) -> str:
    """The hint for a token that is no vocabulary text but a BOS, or several tokens in one argument."""
    if token == bos:
        return f": the command puts {bos!r} first itself, give the tokens after it"
    words = [w for w in token.split() if w != bos]
    if len(token.split()) > 1 and words and all(w in by_text for w in words):
        without_bos = f" and without {bos!r} (the command puts it first)" if len(words) < len(token.split()) else ""
        return f": one argument per token, without quotes{without_bos}: {' '.join(words)}"
    return ""
