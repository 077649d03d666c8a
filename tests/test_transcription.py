"""Russian transcriptions of foreign names matched by sound skeleton within one country (extract.transcription)."""

from __future__ import annotations

import pytest

from extract.transcription import skeleton, transcribed_place

CASES = [
    # (Russian lemma, country the text gives, expected canonical name or None)
    ("коттбус", "DE", "Cottbus"),
    ("челтнем", "GB", "Cheltenham"),
    ("беллингем", "US", "Bellingham"),
    ("суйфэньхэ", "CN", "Suifenhe"),
    ("ольгин", "CU", "Holguín"),  # a silent h in the original
    ("трумсё", "NO", "Tromsø"),
    ("ош", "KG", "Osh"),  # too short for a skeleton, spelled the same
    ("вёрт", "DE", None),  # not Overath: a name starts with the same sound in both scripts
    ("коттбус", "FR", None),  # only the country the text gives
    ("тонхэ", "KR", "Donghae"),  # Korean initial d/g/b/j written т/к/п/ч (Kontsevich)
    ("тэгу", "KR", "Daegu"),
    ("тортмунд", "DE", None),  # the onset alternation is Korean only: not Dortmund
]


@pytest.mark.parametrize(("lemma", "country", "expected"), CASES, ids=[c[0] for c in CASES])
def test_transcribed_place(lemma: str, country: str, expected: str | None) -> None:
    """The lemma names the expected place of that country, or none."""
    place = transcribed_place((lemma,), country)
    assert (place.name if place else None) == expected


def test_skeleton_spells_one_sound_one_way() -> None:
    """Both scripts' spellings of one name share a skeleton; different names do not."""
    assert skeleton("Cheltenham") == skeleton("cheltnem")
    assert skeleton("Ganja") == skeleton("gyandzha")
    assert skeleton("Bielefeld") != skeleton("Bellingham")
