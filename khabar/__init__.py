"""khabar: political event data (PLOVER) from Persian and Arabic news."""

__version__ = "0.1.0"
