"""Events: trigger lexicons -> PLOVER type and mode, arguments, modality, contexts.

``code_events`` is the stage entry point (see ``khabar.pipeline``); ``dedupe`` merges
repeated statements of one event within a story and can be re-run once dates are set.
"""

from __future__ import annotations

from khabar.events.coder import code_events
from khabar.events.dedupe import dedupe
from khabar.events.triggers import TriggerEntry, TriggerMatch, load_triggers, match_triggers

__all__ = ["TriggerEntry", "TriggerMatch", "code_events", "dedupe", "load_triggers", "match_triggers"]
