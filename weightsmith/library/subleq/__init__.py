"""A SUBLEQ computer: a looped compiled transformer that runs one instruction per iteration.

    from weightsmith.library import subleq
    memory = subleq.assemble(subleq.source("multiply"))
    subleq.reference(memory)                   # Result(memory, steps, halted), in plain Python
    subleq.run(memory)                         # the same, computed by the compiled looped model

`machine` holds the semantics (and the Python reference), `assembler` the assembly language,
`shipped` the programs in `programs/*.sq`, `random_programs` the generator of long-running random
programs, `step` the SUBLEQ step as RASP, `models` the compiled looped machines (`run`, `trace`).
"""

from weightsmith.library.subleq.assembler import AssemblyError, Program, assemble, assemble_program
from weightsmith.library.subleq.machine import Result, reference, reference_trace, wrap
from weightsmith.library.subleq.models import SIZES, machine, run, run_many, trace
from weightsmith.library.subleq.shipped import NAMES, shipped, source

__all__ = [name for name in dir() if not name.startswith("_")]
