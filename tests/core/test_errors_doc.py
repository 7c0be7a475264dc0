"""docs/errors.md lists every message a planner can get: it is generated from the code and must not go stale."""

import os
import sys

from testdata import REPO

sys.path.insert(0, os.path.join(REPO, "scripts"))
sys.path.insert(0, os.path.join(REPO, "i18n"))

import errors_doc  # noqa: E402
import ts  # noqa: E402


def _doc():
    with open(errors_doc.DOC, encoding="utf-8") as handle:
        return handle.read()


def test_the_page_is_what_the_code_gives():
    assert _doc() == errors_doc.render(errors_doc.all_messages()), (
        "docs/errors.md is stale: run python3 scripts/errors_doc.py"
    )


def test_every_core_error_template_and_algorithm_error_is_listed():
    doc = _doc()
    core = [src for ctx, src in ts.extract_all() if ctx == "SwcCore"]
    assert core, "no core error template found"
    missing = [src for src in core if errors_doc._cell(src) not in doc]
    assert not missing, f"core error templates missing from docs/errors.md: {missing[:5]}"
    listed = errors_doc.all_messages()
    shared = {m.where for m in listed}
    assert {"inputs", "params", "outputs"} <= shared
    assert sum(m.kind == "warning" for m in listed) >= 20 and sum(m.kind == "error" for m in listed) >= 200


def test_messages_are_found_where_they_are_raised(tmp_path):
    code = tmp_path / "algorithms" / "demo.py"
    code.parent.mkdir()
    code.write_text(
        "class A:\n"
        "    def run(self, feedback):\n"
        "        feedback.pushWarning(self.tr('careful {n}').format(n=1))\n"
        "        message = self.tr('bad value')\n"
        "        feedback.pushInfo(self.tr('just so you know'))\n"
        "        raise self.fail(self.tr('broken'))\n",
        encoding="utf-8",
    )
    found = {(m.kind, m.source) for m in errors_doc.messages_of(str(code))}
    assert found == {("warning", "careful {n}"), ("error", "bad value"), ("error", "broken")}
