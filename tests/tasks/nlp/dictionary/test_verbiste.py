"""Verbiste templates: stem + ending, the four participles, être for motion verbs, defective persons."""

from weightsmith.tasks.nlp.dictionary import verbiste

_TEMPLATE = """<conjugation-fr><template name="{name}">
<indicative><present>{present}</present><imperfect>{present}</imperfect><future>{present}</future></indicative>
<participle><past-participle>{participle}</past-participle></participle></template></conjugation-fr>"""


def _p(*endings):
    return "".join(f"<p><i>{e}</i></p>" if e else "<p></p>" for e in endings)


def test_forms_are_the_stem_plus_the_templates_endings(tmp_path):
    (tmp_path / "c.xml").write_text(_TEMPLATE.format(
        name="aim:er", present=_p("e", "es", "e", "ons", "ez", "ent"), participle=_p("é", "és", "ée", "ées")))
    (tmp_path / "v.xml").write_text("<verbs-fr><v><i>arriver</i><t>aim:er</t></v>"
                                    "<v><i>parler</i><t>aim:er</t></v><v><i>rien</i><t>no:ne</t></v></verbs-fr>")
    verbs = verbiste.conjugations(tmp_path / "v.xml", tmp_path / "c.xml")
    assert set(verbs) == {"arriver", "parler"}  # a verb whose template is missing is left out
    assert verbs["parler"].present == ("parle", "parles", "parle", "parlons", "parlez", "parlent")
    assert verbs["arriver"].participle == ("arrivé", "arrivés", "arrivée", "arrivées")
    assert (verbs["arriver"].auxiliary, verbs["parler"].auxiliary) == ("être", "avoir")


def test_a_person_without_a_form_stays_empty(tmp_path):
    (tmp_path / "c.xml").write_text(_TEMPLATE.format(
        name="pl:euvoir", present=_p("", "", "eut", "", "", "euvent"), participle=_p("u", "us", "ue", "ues")))
    (tmp_path / "v.xml").write_text("<verbs-fr><v><i>pleuvoir</i><t>pl:euvoir</t></v></verbs-fr>")
    rain = verbiste.conjugations(tmp_path / "v.xml", tmp_path / "c.xml")["pleuvoir"]
    assert rain.present == ("", "", "pleut", "", "", "pleuvent") and rain.participle[0] == "plu"


def test_an_empty_ending_is_the_stem_itself(tmp_path):
    """<p><i></i></p> is a form, the bare stem (il bat, il revêt); only <p></p> is a person without one. Read
    alike, "he beats" and "he fights" (il se bat) had no French verb form, and the translator stopped."""
    (tmp_path / "c.xml").write_text(_TEMPLATE.format(
        name="bat:tre", present="<p><i>s</i></p><p><i>s</i></p><p><i></i></p><p><i>tons</i></p><p><i>tez</i></p>"
                                "<p><i>tent</i></p>", participle=_p("tu", "tus", "tue", "tues")))
    (tmp_path / "v.xml").write_text("<verbs-fr><v><i>battre</i><t>bat:tre</t></v></verbs-fr>")
    beat = verbiste.conjugations(tmp_path / "v.xml", tmp_path / "c.xml")["battre"]
    assert beat.present == ("bats", "bats", "bat", "battons", "battez", "battent")
