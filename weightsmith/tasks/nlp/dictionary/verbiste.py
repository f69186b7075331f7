"""French conjugation from Verbiste's tables (Debian package `verbiste`, GPL-2+).

`verbs-fr.xml` names each verb's template (`aimer` → `aim:er`: the stem is what precedes the colon in
the template's name, and every form is that stem plus the template's ending). `conjugation-fr.xml` gives
the endings per tense and person. Only the forms the grammar needs are kept.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

TENSES = {"present": "indicative/present", "imperfect": "indicative/imperfect", "future": "indicative/future",
          "participle": "participle/past-participle"}

# Verbs conjugated with être in the passé composé (the motion and change-of-state verbs, and their
# prefixed forms); pronominal verbs ("se lever") take être too. Verbiste does not record the auxiliary.
ETRE_VERBS = frozenset("""aller venir revenir devenir parvenir intervenir survenir arriver partir repartir entrer
rentrer sortir ressortir monter remonter descendre redescendre naître renaître mourir décéder rester tomber
retomber retourner apparaître""".split())


@dataclass(frozen=True)
class Conjugation:
    """present, imperfect, future: je, tu, il/elle, nous, vous, ils/elles; participle: m.sg, m.pl, f.sg, f.pl."""

    infinitive: str
    template: str
    auxiliary: str
    present: tuple[str, ...]
    imperfect: tuple[str, ...]
    future: tuple[str, ...]
    participle: tuple[str, ...]


def _endings(template: ET.Element, where: str) -> tuple[str | None, ...]:
    node = template.find(where)
    if node is None:
        return ()
    # a person with no form (defective verbs: "il pleut" has no je, <p></p>) gives None; an empty ending
    # (<p><i></i></p>: il bat, il revêt) gives ""; variants: the first is kept
    return tuple(p.findtext("i") for p in node.findall("p"))


def conjugations(verbs_xml: Path, conjugation_xml: Path) -> dict[str, Conjugation]:
    """Every verb Verbiste knows, conjugated in the tenses of TENSES."""
    templates = {t.get("name"): t for t in ET.parse(conjugation_xml).getroot().findall("template")}
    out = {}
    for v in ET.parse(verbs_xml).getroot().findall("v"):
        infinitive, name = v.findtext("i"), v.findtext("t")
        template = templates.get(name)
        if not infinitive or template is None:
            continue
        stem = infinitive[: len(infinitive) - len(name.split(":")[1])]
        forms = {tense: tuple("" if e is None else stem + e for e in _endings(template, where))
                 for tense, where in TENSES.items()}
        if len(forms["present"]) != 6 or len(forms["participle"]) != 4:
            continue
        auxiliary = "être" if infinitive in ETRE_VERBS else "avoir"
        out[infinitive] = Conjugation(infinitive, name, auxiliary, **forms)
    return out
