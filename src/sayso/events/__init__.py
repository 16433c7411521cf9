"""Events: PLOVER-typed (plus documented extension kinds) with arguments, time and modality."""

from sayso.events.extract import extract_events
from sayso.events.plover import EXTENSION_TYPES, PLOVER_TYPES, cameo_to_plover, to_plover

__all__ = ["EXTENSION_TYPES", "PLOVER_TYPES", "cameo_to_plover", "extract_events", "to_plover"]
