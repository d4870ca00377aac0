"""The danger reply's numbers are for where the person is, not where they are going."""

from __future__ import annotations

import pytest

from knowledge.emergency import EmergencyNumbers

NUMBERS = EmergencyNumbers.load()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("anak sy kerja ke malaysia, skrg d sekap majikan", "MY"),  # "ke": she went there
        # sent on from the Jakarta she was promised, the passive written apart (stop 59)
        ("anak sy d bawa kerja d jakarta katanya, tp ternyata d kirim ke malaysia, d ancam", "MY"),
        # a port's wifi from a ship abroad is no one at a port at home (stop 59)
        ("suami sy d kapal ikan taiwan d pukul kapten, terakhir kontak pake wifi pelabuhan", None),
        ("suami sy d riyadh dikurung majikan, sy d lombok", "SA"),
        ("sy d pelabuhan tanjung pinang skrg, disuruh naik kapal kecil ke malaysia", None),
        ("adik sy d sekap agen di batam, mau dikirim ke taiwan", None),
        ("anak sy disekap di pulau pinang", "MY"),  # Penang is Malaysia's
        # taken to one place, told the work was in another, the family at home (stop 61)
        (
            "anak sy d berangkatkan ke myanmar sama teman nya, katanya kerja d thailand. skrg d "
            "kompleks yg d jaga org bersenjata, tdk blh keluar. kami d bima. tolong",
            "MM",
        ),
        # told of the work in the one place named: there (stop 61's check)
        ("anak sy umur 16 dibawa calo katanya kerja di KL, skrg dia bilang dijual", "MY"),
        # named, though the list has no numbers for them: said so, not asked (stop 56's list)
        ("adik sy di china disekap agen", "CN"),
        ("suami sy di afrika selatan dipukuli bos nya", "ZA"),
        ("kapalnya lagi sandar di port louis mauritius, adik sy dipukul", "MU"),
        ("anak sy disiksa majikan cina di malaysia", "MY"),  # an employer, not a place
        ("sy di pelabuhan lembar disuruh naik perahu malam ini ke malaysia", None),
        ("agen suruh sy nunggu di pantai jam 2 malam, dijemput boat ke malaysia", None),
        ("nanti malam sy berangkat naik perahu ke malaysia", None),  # still on this side
        # where she left from, or whose office it is, is not where she is (stop 47)
        ("adik sy brgkt dr bandara lombok ke malaysia thn lalu, skrg d kurung", "MY"),
        ("my sister went to Saudi through a sponsor in Mataram, she is locked in", "SA"),
        ("istri sy dikurung di penampungan pt di jakarta", None),
        # taken, sold or run to a place: there now (a family chat tester and a worker, stop 50)
        (
            "anak sy ditawari kerja admin d thailand, ternyata dibawa ke kamboja, skrg disuruh "
            "nipu online",
            "KH",
        ),
        ("sy d johor, skrg sy udh lari ke singapura, paspor gk ada", "SG"),
        ("adik sy dijual ke myanmar", "MM"),
        ("sy lg d pelabuhan mau d bawa naik kapal ke malaysia sama tekong", None),
        ("sy dulu d malaysia, skrg d sekap majikan d saudi", "SA"),  # where she was before
        # where she is now, not the job promised (a long-plea chat tester, stop 52)
        ("worked in malaysia before, now in jeddah, my employer locks me inside", "SA"),
        ("suami sy dijanjikan kerja di korea tp skrg malah di rusia, disuruh perang", "RU"),
        (
            "bapak sy udah gk mau hidup lg sejak pulang dr malaysia, td sy liat dia pegang tali "
            "di belakang rumah",
            None,
        ),
        (
            # the reply at sea is given before any land's (test_after_the_danger_reply.py);
            # Mauritius is known since stop 57, without numbers
            "suami sy kerja d kapal ikan benderanya Taiwan, skrg kapalnya d laut dekat "
            "Mauritius, kaptennya mukul pake besi",
            "MU",
        ),
        ("adik sy ditawari kerja d Thailand tp skrg dia disekap d Kamboja", "KH"),
        ("adik sy dijanjikan kerja d Jepang tp skrg dikurung d Malaysia", "MY"),
        ("my sister was promised a job in japan but she is locked in a house in selangor", "MY"),
        (
            "Rini brgkt ke Jeddah. Dulu 3 thn dia kerja d Malaysia aman2 aja. skrg yg d Saudi "
            "ini dia dikunci d kamar mandi",
            "SA",
        ),
        # a ship's flag is not where its crew is (a danger chat tester, stop 51)
        (
            "abk kapal ikan taiwan, adik sy dipukul pake besi sampe berdarah, skrg kapalnya d "
            "port louis mauritius",
            "MU",
        ),
        ("my son is crew on a korean flagged vessel, the captain beats them", None),
        ("adik sy abk d taiwan, dipukul kapten sampe berdarah", "TW"),
        ("anak sy d sekap majikan, skrg d al kharj", "SA"),
        # where one means to go is not where one is (a pre-departure tester, stop 54); where
        # one is being taken may soon be
        ("sy dipukul suami krn mau kerja ke malaysia, skrg sy takut pulang", None),
        ("istri sy mau ke malaysia tp skrg d sekap sponsor", None),
        ("mereka disiksa, mau dijual ke Myanmar", "MM"),
        # taken from a harbour at home for work there (an open-report tester, stop 54)
        (
            "pak adik sy umur 16 mau d bawa calo ke pelabuhan lembar malam ini, katanya kerja d "
            "johor",
            None,
        ),
        ("my son is 16 and went with a sponsor to the harbour today to work in Malaysia", None),
        ("my son went to work in Malaysia 3 years ago, now he is locked in", "MY"),
        ("anak sy umur 16 thn mau nyebrang ke malaysia lewat jalur gelap sama tekong", None),
        ("semame ku sering mukul aku leq bale, aku mele lalo begawean jok malaysia", None),
        # a test for a place is not being there (a false-alarm tester, stop 54)
        ("sy pengen bunuh diri aja rasanya, utang numpuk, gk lolos tes korea", None),
        (
            "my little brother is 16, a broker took him to the airport in praya last night to "
            "send him to saudi",
            None,
        ),
        ("My husband beats me at home in Lombok Timur. I want to work in Saudi to get away.", None),
    ],
)
def test_the_numbers_are_for_where_the_person_is(text: str, code: str | None) -> None:
    place = NUMBERS.where_to_dial(text)
    assert (place.code if place else None) == code


def test_where_someone_is_from_or_a_ports_wifi_is_not_where_they_are() -> None:
    """A long-plea tester and a chat tester after the numbers (stop 59)."""
    from knowledge.emergency import at_home

    assert not at_home("sy org sumbawa")
    assert not at_home("terakhir kontak 10 hari lalu pake wifi pelabuhan")
    assert at_home("sy d pelabuhan lembar mau naik kapal ke malaysia")
    assert at_home("adik sy udh dibawa ke pelabuhan malam ini")
