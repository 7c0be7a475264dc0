"""QGIS for the tests in ``tests/qgis`` and ``tests/desktop``: one QgsApplication, Processing, the provider.

See shared/docs/qgis-env.md §2A: plain ``start_app`` fixtures, and a hard ``os._exit`` at the end so
QGIS's exit path cannot turn a green run red.

Passing a parameter an algorithm does not declare is an error here (``strict_parameters``, autouse in
both conftests): QGIS drops such a key without a word, so a renamed parameter would leave its callers'
tests green.  ``processing.run`` and ``processing.runAndLoadResults`` check every algorithm before it
runs; every SWC Planner algorithm also checks in ``prepareAlgorithm``, which covers ``alg.run`` and
``QgsProcessingAlgRunnerTask`` (the wizard's runner) too.
"""

import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
sys.path.append("/usr/share/qgis/python/plugins")

import pytest  # noqa: E402
import testdata  # noqa: E402
from qgis.testing import start_app  # noqa: E402

QGIS_APP = start_app()
_PROFILE_DIR = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")


@pytest.fixture(scope="session")
def qgis_app():
    return QGIS_APP


@pytest.fixture(scope="session")
def processing_init(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()


@pytest.fixture(scope="session")
def processing_ready(processing_init):
    """The SWC Planner provider registered once for the whole run."""
    from qgis.core import QgsApplication

    from swc_planner.algorithms.provider import SwcPlannerProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("swcplanner")
    if provider is None:
        provider = SwcPlannerProvider()
        assert registry.addProvider(provider)
    yield provider


@pytest.fixture
def zh_cn(processing_ready):
    """The zh_CN translation (built from the committed .ts) installed for one test."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    sys.path.insert(0, os.path.join(testdata.REPO, "i18n"))
    import ts

    translator = QTranslator()
    assert translator.load(ts.build())
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


class UndeclaredParameters(AssertionError):
    """A parameter dict holds a key the algorithm does not declare."""


#: ``(algorithm id, [undeclared keys])`` seen by the SWC Planner algorithms' ``prepareAlgorithm``.
UNDECLARED = []


def undeclared_keys(alg, parameters):
    """Keys of ``parameters`` that ``alg`` does not declare (inputs and outputs)."""
    declared = {d.name() for d in alg.parameterDefinitions()}
    return sorted(str(k) for k in (parameters or {}) if str(k) not in declared)


def _message(alg, bad):
    declared = ", ".join(d.name() for d in alg.parameterDefinitions())
    return f"{alg.id()}: undeclared parameter(s) {', '.join(bad)}; it declares {declared}"


def _algorithm(alg_or_id):
    from qgis.core import QgsApplication, QgsProcessingAlgorithm

    if isinstance(alg_or_id, QgsProcessingAlgorithm):
        return alg_or_id
    return QgsApplication.processingRegistry().algorithmById(str(alg_or_id))


def install_strict_parameters():
    """Make undeclared parameters an error; returns a function that undoes it."""
    import processing
    import processing.tools.general as general
    from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

    from swc_planner.algorithms.base import SwcAlgorithm

    originals = {name: getattr(general, name) for name in ("run", "runAndLoadResults")}
    restore = []

    def checked(original):
        def wrapper(algOrName, parameters, *args, **kwargs):  # noqa: N803 - processing's own name
            alg = _algorithm(algOrName)
            if alg is not None:
                bad = undeclared_keys(alg, parameters)
                if bad:
                    raise UndeclaredParameters(_message(alg, bad))
            return original(algOrName, parameters, *args, **kwargs)

        wrapper.__wrapped__ = original
        return wrapper

    for name, original in originals.items():
        wrapped = checked(original)
        for module in (general, processing):
            restore.append((module, name, getattr(module, name)))
            setattr(module, name, wrapped)

    prepare = SwcAlgorithm.__dict__.get("prepareAlgorithm")

    def strict_prepare(self, parameters, context, feedback):  # noqa: N802 - a PyQGIS override
        bad = undeclared_keys(self, parameters)
        if bad:
            UNDECLARED.append((self.id(), bad))
            raise QgsProcessingException(_message(self, bad))
        if prepare is not None:
            return prepare(self, parameters, context, feedback)
        return QgsProcessingAlgorithm.prepareAlgorithm(self, parameters, context, feedback)

    SwcAlgorithm.prepareAlgorithm = strict_prepare

    def undo():
        for module, name, value in restore:
            setattr(module, name, value)
        if prepare is None:
            del SwcAlgorithm.prepareAlgorithm
        else:
            SwcAlgorithm.prepareAlgorithm = prepare

    return undo


@pytest.fixture(scope="session", autouse=True)
def strict_parameters(processing_init):
    """Undeclared parameters are errors for the whole run; any the runner saw fail the session."""
    undo = install_strict_parameters()
    yield UNDECLARED
    undo()
    seen, UNDECLARED[:] = list(UNDECLARED), []
    assert not seen, f"algorithms were given undeclared parameters: {seen}"


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    session.config._qgis_exitstatus = int(exitstatus)


def pytest_unconfigure(config):
    if hasattr(config, "_qgis_exitstatus"):
        if _PROFILE_DIR and "QGIS-PythonTestConfigPath" in _PROFILE_DIR:
            shutil.rmtree(_PROFILE_DIR, ignore_errors=True)
        shutil.rmtree(testdata._PARENT, ignore_errors=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config._qgis_exitstatus)
