"""Run Processing algorithms from the wizard: in a background task with progress and cancel.

A *job* is a list of steps; each step names an algorithm id, builds its
parameter dict from the results so far, and stores its results.  Steps run one
after the other in ``QgsProcessingAlgRunnerTask``s, so QGIS stays responsive;
``synchronous=True`` (tests, scripts) runs them inline in the same order.

Contracts are loud: an algorithm that is not registered, or a parameter the
algorithm does not declare (a renamed or removed parameter), stops the job with
a message naming them — nothing is skipped or dropped silently.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

TR_CONTEXT = "AlgorithmRunner"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def undeclared_parameters(alg, params: Dict[str, Any]) -> List[str]:
    """Names in ``params`` that ``alg`` does not declare (sorted)."""
    declared = {d.name() for d in alg.parameterDefinitions()}
    return sorted(name for name in params if name not in declared)


class Step:
    """One algorithm run: ``params(results) -> dict``; ``done(results, outputs)``."""

    def __init__(
        self,
        label: str,
        alg_id: str,
        params: Callable[[Dict[str, Any]], Optional[Dict[str, Any]]],
        key: str,
    ) -> None:
        self.label = label
        self.alg_id = alg_id
        self.params = params  # returns None when the step has nothing to do
        self.key = key


class _Feedback(QgsProcessingFeedback):
    """Feedback that keeps the log so the wizard can show warnings."""

    def __init__(self) -> None:
        super().__init__()
        self.log: List[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.log.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.log.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.log.append(error)
        super().reportError(error, fatalError)


class AlgorithmRunner(QObject):
    """Runs a job (list of :class:`Step`) and reports progress.

    Signals: ``progress(float 0..100, str label)``, ``finished(bool ok, str message)``.
    ``results`` maps each step's ``key`` to its output dict.
    """

    progress = pyqtSignal(float, str)
    finished = pyqtSignal(bool, str)

    def __init__(self, parent: Optional[QObject] = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.results: Dict[str, Any] = {}
        self.log: List[str] = []
        self._steps: List[Step] = []
        self._index = 0
        self._task: Optional[QgsProcessingAlgRunnerTask] = None
        self._context: Optional[QgsProcessingContext] = None
        self._feedback: Optional[_Feedback] = None
        self._cancelled = False
        self.running = False

    # -- public ------------------------------------------------------------------
    def start(self, steps: List[Step], results: Optional[Dict[str, Any]] = None) -> None:
        self._steps = list(steps)
        self._index = 0
        self._cancelled = False
        self.log = []
        if results is not None:
            self.results = results
        self.running = True
        if self.synchronous:
            while self.running:
                self._next()
        else:
            self._next()

    def cancel(self) -> None:
        self._cancelled = True
        if self._feedback is not None:
            self._feedback.cancel()
        if self._task is not None:
            self._task.cancel()

    # -- internals -----------------------------------------------------------------
    def _finish(self, ok: bool, message: str) -> None:
        self.running = False
        self._task = None
        self.finished.emit(ok, message)

    def _next(self) -> None:
        if self._cancelled:
            self._finish(False, _tr("Cancelled."))
            return
        if self._index >= len(self._steps):
            self.progress.emit(100.0, _tr("Done"))
            self._finish(True, "")
            return
        step = self._steps[self._index]
        registry = QgsApplication.processingRegistry()
        alg = registry.createAlgorithmById(step.alg_id)
        if alg is None:
            self._finish(
                False,
                _tr(
                    "The algorithm {alg} is not available. Check that the SWC "
                    "Planner plugin and QGIS Processing are enabled."
                ).format(alg=step.alg_id),
            )
            return
        try:
            params = step.params(self.results)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._finish(False, f"{step.label}: {exc}")
            return
        if params is None:  # the step decided it has nothing to do
            self._index += 1
            if not self.synchronous:
                self._next()
            return
        unknown = undeclared_parameters(alg, params)
        if unknown:
            self._finish(
                False,
                _tr("{step}: {alg} does not declare the parameters {names}.").format(
                    step=step.label, alg=step.alg_id, names=", ".join(unknown)
                ),
            )
            return
        self._context = QgsProcessingContext()
        self._context.setProject(QgsProject.instance())
        # the same checks as the toolbox and qgis_process (ranges, inputs, output paths), before any work
        valid, problem = alg.checkParameterValues(params, self._context)
        if not valid:
            self._finish(False, f"{step.label}: {problem}")
            return
        self._feedback = _Feedback()
        n = len(self._steps)
        base = 100.0 * self._index / n
        label = step.label
        self._feedback.progressChanged.connect(
            lambda p, b=base, lab=label: self.progress.emit(b + p / n, lab)
        )
        self.progress.emit(base, label)
        if self.synchronous:
            try:
                ok = True
                outputs, ok = alg.run(params, self._context, self._feedback)
                message = "" if ok else "\n".join(self._feedback.log[-3:])
            except Exception as exc:  # noqa: BLE001
                ok, outputs, message = False, {}, str(exc)
            self._step_done(step, ok, outputs or {}, message)
        else:
            self._task = QgsProcessingAlgRunnerTask(alg, params, self._context, self._feedback)
            self._task.executed.connect(
                lambda ok, outputs, s=step: self._step_done(
                    s, ok, outputs or {}, "\n".join(self._feedback.log[-3:]) if self._feedback else ""
                )
            )
            QgsApplication.taskManager().addTask(self._task)

    def _step_done(self, step: Step, ok: bool, outputs: Dict[str, Any], message: str) -> None:
        if self._feedback is not None:
            self.log += self._feedback.log
        if self._cancelled or (self._feedback is not None and self._feedback.isCanceled()):
            self._finish(False, _tr("Cancelled."))
            return
        if not ok:
            self._finish(
                False,
                _tr("{step} failed: {message}").format(
                    step=step.label, message=message or _tr("see the log")
                ),
            )
            return
        self.results[step.key] = dict(outputs)
        self._index += 1
        if not self.synchronous:
            self._next()
