"""Typed errors raised by the pure core.

The core never imports Qt.  Messages are English templates with ``{named}``
fields; the algorithm layer translates the template (context ``SwcCore``) and
formats it with :attr:`SwcError.params`.  Templates are wrapped in
:func:`QT_TRANSLATE_NOOP` so that the string extractor (``i18n/extract.py``)
finds them.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name)
    """Mark ``text`` for translation in ``context`` without translating it."""
    del context
    return text


class SwcError(Exception):
    """An error the user can fix; ``template`` is English, ``params`` fill it."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


class GridError(SwcError):
    """The raster's georeferencing cannot be used (rotated, geographic, ...)."""


class InputError(SwcError):
    """An input is empty, does not overlap, lacks a field, ..."""


class MemoryLimitError(SwcError):
    """A global operator would need more memory than the user allowed."""


class Cancelled(Exception):
    """The user cancelled; raised by the core when ``is_cancelled()`` is true."""
