"""Cross-document fusion: one real-world event reported many times becomes one event with many mentions.

``update(store, settings)`` fuses what is new in a store (the local engine calls it at
the end of a run); ``khabar fuse``, ``khabar show``, ``khabar reprocess`` and
``khabar export-fused`` are in ``khabar.fuse.command``. The rules are in ``rules``.
"""

from __future__ import annotations

from khabar.fuse.engine import FuseReport, update
from khabar.fuse.settings import FusionSettings

__all__ = ["FuseReport", "FusionSettings", "update"]
