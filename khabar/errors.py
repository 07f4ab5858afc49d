"""One catalogue of khabar's typed errors; turned into messages only at the edge (cli, api)."""

from __future__ import annotations


class KhabarError(Exception):
    """Base of every error khabar raises on purpose."""

    code = "E000"
    exit_code = 1


class DataError(KhabarError):
    """A language or actor data file is missing or invalid (raised on load)."""

    code = "E001"
    exit_code = 3


class SourceError(KhabarError):
    """An input source cannot be opened at all (missing path, unknown format)."""

    code = "E002"
    exit_code = 2


class StoreError(KhabarError):
    """The store cannot be opened, is locked by another writer, or is not a khabar store."""

    code = "E003"
    exit_code = 4


class UsageError(KhabarError):
    """A command was given arguments it cannot use."""

    code = "E004"
    exit_code = 2


class EvalError(KhabarError):
    """A gold file or evaluation input is malformed."""

    code = "E005"
    exit_code = 2


class QualityGateError(KhabarError):
    """A score fell below its stored baseline."""

    code = "E006"
    exit_code = 5
