"""Settings with sane defaults: limits on input, batch sizes, fusion windows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits; a record over a limit is rejected with a clear reason."""

    max_document_chars: int = 2_000_000
    max_line_chars: int = 200_000
    max_file_bytes: int = 2_000_000_000
    document_seconds: float = 10.0


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told; one object passed from the CLI down."""

    limits: Limits = Limits()
    batch_size: int = 500


DEFAULT = Settings()
