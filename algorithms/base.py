"""The SWC Planner algorithm base class: translation, groups, help, error mapping and the checks every run gets.

Algorithms stay thin: they declare parameters with :mod:`.params` (shared parameters, one definition
each) and :mod:`.outputs` (outputs, field types, sinks, styles), turn layers into plain values with
:mod:`.inputs`, call the pure core through :meth:`SwcAlgorithm.run_core` and write the results.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Sequence, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .core.errors import Cancelled, SwcError
from .params import PLUGIN_DIR

ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "swc_planner.svg")

#: Group ids (stable) of the provider.
GROUP_TERRAIN = "terrain"
GROUP_HYDROLOGY = "hydrology"
GROUP_EROSION = "erosion"
GROUP_MEASURES = "measures"
GROUP_SUPERVISION = "supervision"
GROUP_PLANNING = "planning"


TR_CONTEXT = "SwcAlgorithm"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def tr_with_bases(obj: Any, text: str, stop: type) -> str:
    """Translate ``text`` in the context of ``obj``'s class, falling back to its base classes.

    The string extractor files a literal under the class that contains it, so a
    string written in a base class is found in that base's context even when
    ``tr`` runs on a subclass.  ``stop`` is the first (Qt/QGIS) class not searched.
    """
    for klass in type(obj).__mro__:
        if klass is stop:
            break
        out = QCoreApplication.translate(klass.__name__, text)
        if out != text:
            return out
    return text


def group_name(group_id: str) -> str:
    """Translated display name of a group id."""
    names = {
        GROUP_TERRAIN: _tr("Terrain and slope"),
        GROUP_HYDROLOGY: _tr("Hydrology"),
        GROUP_EROSION: _tr("Soil erosion"),
        GROUP_MEASURES: _tr("Conservation measures"),
        GROUP_PLANNING: _tr("Small-watershed plan"),
    }
    return names.get(group_id, group_id)


def translate_core_error(err: SwcError) -> str:
    """Translate a core error's English template (context ``SwcCore``) and fill it."""
    template = QCoreApplication.translate("SwcCore", err.template)
    try:
        return template.format(**err.params)
    except (KeyError, IndexError, ValueError):
        return err.template.format(**err.params)


class SwcAlgorithm(QgsProcessingAlgorithm):
    """Common base: translation, groups, help, errors, and the range and output-path checks."""

    ALG_ID = ""
    GROUP_ID = GROUP_TERRAIN
    #: vector inputs that may have no feature (:func:`.inputs.input_errors` refuses other empty layers)
    EMPTY_INPUTS: Tuple[str, ...] = ()

    # -- identity ---------------------------------------------------------------
    def tr(self, text: str) -> str:
        """Translate ``text`` in the context of this class, falling back to its bases."""
        return tr_with_bases(self, text, QgsProcessingAlgorithm)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self) -> str:
        return self.ALG_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def shortHelpString(self) -> str:  # noqa: N802
        return self.help_html()

    def help_html(self) -> str:  # pragma: no cover - every algorithm overrides
        return ""

    @staticmethod
    def format_help(summary: str, sections: Sequence[Tuple[str, str]]) -> str:
        """Help as HTML: a summary paragraph and titled sections."""
        parts = [f"<p>{summary}</p>"]
        for title, body in sections:
            parts.append(f"<h3>{title}</h3><p>{body}</p>")
        return "\n".join(parts)

    # -- checks ------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Numbers outside their range (with the allowed range), outputs that cannot be written and
        inputs that cannot be used (:func:`.inputs.input_errors`), before QGIS's own checks and before
        any work starts."""
        from .inputs import input_errors
        from .outputs import output_path_errors
        from .params import range_errors

        errors = range_errors(self, parameters) + output_path_errors(self, parameters, context)
        errors += input_errors(self, parameters, context)
        if errors:
            return False, "\n".join(errors)
        return super().checkParameterValues(parameters, context)

    # -- errors ------------------------------------------------------------------
    def fail(self, message: str) -> QgsProcessingException:
        """A ``QgsProcessingException`` carrying an already translated message."""
        return QgsProcessingException(message)

    def run_core(
        self,
        function: Callable[..., Any],
        feedback: QgsProcessingFeedback,
        *args: Any,
        progress_span: Tuple[float, float] = (0.0, 100.0),
        **kwargs: Any,
    ) -> Any:
        """Call a core function with progress/cancel wired to ``feedback``.

        Core errors become translated ``QgsProcessingException``s; a cancel
        becomes one too, after the core has removed its partial outputs.
        """
        lo, hi = progress_span

        def progress(fraction: float) -> None:
            if feedback is not None:
                feedback.setProgress(lo + (hi - lo) * max(0.0, min(1.0, fraction)))

        def cancelled() -> bool:
            return feedback is not None and feedback.isCanceled()

        try:
            return function(*args, progress=progress, is_cancelled=cancelled, **kwargs)
        except Cancelled as exc:
            raise QgsProcessingException(_tr("Cancelled by the user; no output was written.")) from exc
        except SwcError as exc:
            raise QgsProcessingException(translate_core_error(exc)) from exc
