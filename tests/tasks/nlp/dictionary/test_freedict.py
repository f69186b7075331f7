"""Reading dictd files: headwords from the entries (not the normalised index keys), senses, tags."""

import gzip

from weightsmith.tasks.nlp.dictionary import freedict

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def _dictd(tmp_path, name, entries: list[tuple[str, str]]):
    blob, lines = b"", ["00databaseinfo\tA\tA"]
    for key, text in entries:
        data = text.encode()
        lines.append(f"{key}\t{_b64(len(blob))}\t{_b64(len(data))}")
        blob += data
    (tmp_path / f"{name}.index").write_text("\n".join(lines) + "\n")
    with gzip.open(tmp_path / f"{name}.dict.dz", "wb") as f:
        f.write(blob)
    return tmp_path / f"{name}.index", tmp_path / f"{name}.dict.dz"


def test_english_french_senses_in_order_with_the_real_headword(tmp_path):
    files = _dictd(tmp_path, "ef", [("cat", "cat /kæt/\n1. mégère, peau de vache\n2. chat\n"),
                                    ("like", "\u2010like /laɪk/\n\u2010al\n"),
                                    ("perhaps", "perhaps /pəhæps/\npeut\u2010être\n")])
    ef = freedict.english_french(*files)
    assert ef["cat"] == ["mégère", "peau de vache", "chat"]
    assert ef["-like"] == ["-al"] and "like" not in ef  # the index key "like" is not the headword
    assert ef["perhaps"] == ["peut-être"]


def test_french_english_gives_class_gender_and_translations(tmp_path):
    files = _dictd(tmp_path, "fe", [("chat", "chat /ʃa/ <n, masc>\ncat\n"),
                                    ("ouvrir", "ouvrir /uvʀiʀ/ <vt>\nopen, open up\n"),
                                    ("bon", "bon /bɔ̃/\ngood, nice\n")])
    fe = freedict.french_english(*files)
    assert fe["chat"] == [freedict.FrenchHeadword("noun", "m", ("cat",))]
    assert fe["ouvrir"] == [freedict.FrenchHeadword("verb", None, ("open", "open up"))]
    assert fe["bon"] == [freedict.FrenchHeadword(None, None, ("good", "nice"))]
