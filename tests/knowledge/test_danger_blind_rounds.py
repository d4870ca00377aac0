"""Danger rules against what blind testers wrote after they were narrowed (stop 58 onwards).

Each tester wrote everyday messages that use words of harm in another sense, and dangers in
the same registers, without seeing the rules or the real sets. A false alarm they found is
kept here beside the danger it must not hide, so a later narrowing cannot bring either back.
tests/knowledge/test_danger.py holds the rounds before."""

from __future__ import annotations

from knowledge.danger import detect_danger
from knowledge.danger_model import read_danger


def assert_danger(*texts: str) -> None:
    for text in texts:
        assert detect_danger(text) is not None, text


def assert_no_danger(*texts: str) -> None:
    for text in texts:
        assert detect_danger(text) is None, text


def test_hunger_on_the_way_a_thrown_phone_and_a_treated_bruise_are_not_danger() -> None:
    assert_no_danger(
        "kelaparan nunggu bus di terminal mandalika, jam brp bus ke kantor bp3mi buka",
        "HP majikan sy rusak dibanting anaknya, sy disuruh ganti gk ya? sy di hongkong",
        "kemarin sy jatuh dari tangga pas bersihin jendela, cuma memar, udah diobatin majikan. "
        "boleh klaim asuransi?",
    )
    assert_danger(
        "di penampungan kami kelaparan pak, sudah 2 hari gk dikasih makan",
        "sy dibanting majikan ke lantai, badan sakit semua",
        "istri sy memar di muka, dipukul majikan tiap hari",
    )


def test_a_child_locked_in_to_study_is_not_a_worker_held() -> None:
    assert_no_danger(
        "anak sy dikunci di kamar biar belajar, abis itu dia bilang mau jadi TKI aja. gmn cara "
        "daftar magang jepang",
    )
    assert_danger(
        "anak sy dikunci majikan di kamar, gk boleh keluar",
        "anak sy dikunci di kamar biar gk kabur, paspornya ditahan agen",
    )


def test_a_harm_denied_taken_back_as_a_joke_or_of_childhood_is_not_danger() -> None:
    assert_no_danger(
        "mhn info, sy mau pindah majikan di taiwan krn gk cocok aja, bukan krn disiksa. caranya "
        "gmn?",
        "keponakan sy diculik? gk kok bercanda, dia main ke rumah temennya. btw syarat umur ke "
        "malaysia brp",
        "waktu kecil sy sering dipukul bapak, skrg sy dewasa mau kerja ke jepang. psikotes nya "
        "susah gk?",
    )
    assert_danger(
        "sy mau pindah majikan karena disiksa terus, tolong",
        "keponakan sy diculik orang di johor, jangan bercanda pak ini serius",
        "dari kecil sy kerja sama dia, skrg sy dipukul tiap hari sama majikan",
    )


def test_crews_in_general_a_ward_of_the_employer_and_a_raid_let_go_are_not_danger() -> None:
    assert_no_danger(
        "ponakan sy mau kerja di kapal ikan taiwan, katanya bnyk abk disiksa. gmn cara milih "
        "agensi abk yg aman?",
        "nenek majikan sy sakit keras, sy yg jaga tiap malam sampe gk tidur. boleh minta tambahan "
        "gaji gk?",
        "kmrn kena razia polisi di KL, tp dokumen lengkap jd dilepas. perlu lapor KBRI gk?",
        "cara daftar jadi relawan pendamping korban tppo di lombok gmn?",
    )
    assert_danger(
        "suami sy abk di kapal taiwan, dia disiksa kapten",
        "sy sakit keras di rumah majikan, gk dibawa ke dokter",
        "anak sy kena razia di KL, sekarang ditahan di depo",
        # "let me go" asked for is no release (the review of stop 58 found it read as one)
        "police caught us at the factory, please let us go home",
        "kena razia di KL, polisi gk mau let me go",
        "adik sy korban tppo di kamboja, tolong pak",
    )


def test_taken_somewhere_to_be_sold_is_trafficking_and_goods_to_market_are_not() -> None:
    assert_danger(
        "sy dibawa ke rumah lain oleh majikan utk dijual, sy denger mereka tawar2 harga. sy di "
        "kuwait sekarang",
        "anak sy dibawa agen ke malaysia mau dijual katanya",
    )
    assert_no_danger(
        "sapi sy dibawa ke pasar utk dijual, harganya brp ya",
        "hasil panen dibawa ke mataram buat dijual",
    )


def test_whether_a_rule_said_of_workers_is_true_is_a_question_not_danger() -> None:
    """Asked of workers in general, in the harm's sentence or the one after; the writer's own
    family named, or a plea, keeps it danger."""
    assert_no_danger(
        "is it true that workers in Saudi are not allowed to leave the house?",
        "are workers in Saudi not allowed to leave the house?",
        "is it true that maids in Saudi cannot go out on their day off?",
        "apa benar di arab gak boleh keluar rumah? sy mau siap2 dulu",
        "ada yg bilang kalo kabur dr majikan di malaysia bisa dipenjara, benar gak? sy cm tanya "
        "aja",
    )
    assert_danger(
        "apa benar anak sy disekap majikan?",
        "is it true my sister is locked in by her employer?",
        "apa benar di arab gak boleh keluar rumah? tolong pak sy dikunci",
    )


def test_a_phone_put_away_at_work_a_healed_injury_and_a_sister_home_now_are_not_danger() -> None:
    assert_no_danger(
        "kata teman sy di hongkong tdk boleh pake hp pas kerja, apa benar itu pak?",
        "majikan bilang tdk boleh pakai hp jam kerja, hanya malam. itu biasa kah?",
        "I got small injury at work last month, finger cut, already healed. can I claim SOCSO?",
        "my sister was locked in by her employer in Riyadh 3 years ago, she is home now and ok. "
        "can she still claim insurance?",
    )
    assert_danger(
        "majikan ambil hp sy, tdk boleh pakai hp sama sekali, sy gk bisa hubungi keluarga",
        "I got injured at work, bleeding, boss won't take me to the hospital",
        "my sister is locked in by her employer in Riyadh, please help",
    )


def test_hanging_and_a_domestic_workers_english_of_being_kept_are_danger() -> None:
    assert_danger(
        "my friend just tried to hang herself in the bathroom, employer doesn't care, what do i "
        "do, we are in Taipei",
        "she is trying to hang herself",
        "madam no give me go home",
        "pls help me sir, i want go home but agency say no",
    )
    assert_no_danger(
        "madam give me go home for holiday next month, what i need bring?",
        "the picture hangs itself on the wall",
    )


# Stop 59: a round in workers' Malay and English, and a look-alike round in informal Indonesian.


def test_workers_malay_says_starved_untreated_and_threatened() -> None:
    assert_danger(
        "makan sikit je majikan bagi, lapar sangat sampai malam",
        "sy sakit teruk demam 1 minggu, majikan x bagi pergi klinik",
        "boss ugut nak pukul sy kalau sy lari",
        "majikan cuma kasih makan sedikit, sy lapar tiap malam",
    )
    assert_no_danger(
        "sy sakit sikit je, demam, esok dah ok kerja balik",
        "makan sikit je hari ni sebab diet, nak tanya pasal cuti",
    )


def test_a_debt_and_an_old_lockdown_do_not_hold_a_person() -> None:
    assert_no_danger(
        "trapped in debt from online loan apps, how to get out",
        "sy terkurung kat rumah je sebab PKP dulu, skrg nak tanya pasal cuti",
    )
    assert_danger(
        "i am trapped in the employer house, cannot go out",
        "sy terkurung kat rumah majikan, tak boleh keluar",
    )


def test_the_holder_locking_or_chaining_a_person_said_short() -> None:
    assert_danger("boss kunci sy", "majikan kunci sy", "agen kunci kami", "sy d rantai d dapur")
    assert_no_danger(
        "bos kunci sy punya loker, kuncinya dimana ya",
        "motor sy d rantai biar gk dicuri",
        "apa itu rantai pasok, sy mau kerja di gudang",
    )


def test_a_wait_called_torture_is_not_torture() -> None:
    assert_no_danger(
        "siksa bgt nunggu visa 5 bln gk keluar2",
        "siksaan bgt antrian di kantor imigrasi, dr subuh",
    )
    assert_danger(
        "sy disiksa bgt sm majikan",
        "majikan siksa sy tiap hari",
        "majikan menampar pipi saya setiap hari",
    )


def test_a_threat_feared_is_a_threat_made() -> None:
    assert_danger(
        "sy takut majikan ngancam saya",
        "sy takut, bos mau pukul lg",
        "khawatir bgt, agen ancam bunuh kalau sy kabur",
    )
    assert_no_danger(
        "sy takut nanti diancam majikan",
        "sy lihat berita pmi diancam majikan, sy takut",
    )


def test_ones_own_passport_locked_away_is_not_withheld() -> None:
    assert_no_danger("paspor sy disimpan d lemari dikunci sm sy sendiri biar aman, boleh gk")
    assert_danger("paspor sy disimpan agen biar aman katanya, sy dikunci di asrama")


def test_home_refused_in_the_next_sentence_and_a_captain_who_keeps_the_crew_aboard() -> None:
    assert_danger(
        "saya minta pulang ke majikan, dia bilang enggak boleh",
        "suami sy ABK, kakinya luka parah tapi kapten gk mau turunkan ke darat",
    )
    assert_no_danger("sy mau pulang ke majikan lama, boleh gk?")


def test_splashed_with_hot_water_is_harm_unless_spilt_by_accident() -> None:
    assert_danger("sy luka kena siram air panas")
    assert_no_danger("tangan sy kena siram air panas tdk sengaja waktu masak, obatnya apa")


def test_goods_sold_by_the_employer_are_not_a_person_sold() -> None:
    """The learnt plea model read "jual" as a person sold (an English and Malay chat tester,
    stop 59); `read_danger` is what the triage gives the emergency reply on."""
    from knowledge.danger_model import read_danger

    for text in (
        "majikan jual kuih, suruh sy tolong jual kat pasar, dalam kontrak tak ada",
        "majikan sy jual nasi lemak, sy tolong kat kedai dia pagi2, ok ke",
    ):
        assert read_danger(text) is None, text
    assert read_danger("sy mau dijual agen ke majikan lain, tolong") is not None


def test_a_threat_to_hurt_told_in_english_is_read() -> None:
    """A chat tester after the numbers (stop 59): unpaid, and told he will hurt her if she
    asks; a doctor's warning about an injection is not a threat."""
    assert_danger("my boss hasnt paid me 4 months and says he will hurt me if i ask")
    assert_no_danger("the doctor said he will hurt me a bit with the injection")


def test_a_rescue_told_as_done_and_the_culprit_jailed_are_not_danger_now() -> None:
    """A mother asking about help for her child's recovery (a long-plea tester, stop 59)."""
    assert_no_danger(
        "Bu, dulu anak sy pernah d jual calo ke malaysia thn 2019, tp sdh d selamatkan polisi "
        "dan pelakunya sdh d penjara. skrg anak sy sdh nikah d kampung. sy cuma mau tanya apa "
        "ada bantuan pemulihan utk korban spt anak sy?"
    )
    assert_danger("tolong selamatkan anak saya, dia dijual calo ke malaysia")


def test_a_toothache_is_no_illness_left_without_care_and_cancer_left_alone_is() -> None:
    assert_no_danger(
        "teman sy d saudi sakit gigi dan majikan blm antar ke dokter. tp dia msh kerja biasa"
    )
    assert_danger(
        "adik sy d brunei sakit kanker, majikan sdh tdk mau urus, dia d tinggal d asrama "
        "sendiri tdk ada yg rawat",
        "sy sakit demam tinggi, majikan gk mau bawa ke dokter",
    )


def test_pay_or_a_bonus_held_is_not_a_person_held() -> None:
    """A tester of workers abroad (stop 60)."""
    assert_no_danger(
        "ditahan gaji sebulan sm agen sebagai jaminan, boleh?",
        "bonus sy ditahan majikan sampai kontrak selesai, sy di hk",
    )
    assert_danger(
        "adik sy ditahan agen di penampungan, gk boleh keluar",
        "sy ditahan majikan di rumah, paspor jg diambil",
    )


def test_a_phone_or_going_out_allowed_on_days_off_is_a_house_rule() -> None:
    """A tester of workers abroad (stop 60): allowed on Sundays or days off is the house's
    rule; kept from the phone altogether is still cut off."""
    for text in (
        "sy di taiwan, majikan gk ngizinin sy pakai hp, cuma boleh pas libur",
        "gk boleh pakai hp kecuali hari minggu kata majikan hk",
        "sy gk boleh keluar rumah kecuali libur, sy di singapore, normal?",
        "my employer says I cannot use my phone except on my day off",
    ):
        assert read_danger(text) is None, text
    assert_danger(
        "majikan gk ngizinin sy pakai hp sama sekali, sy gk bisa hubungi keluarga",
        "sy gk boleh keluar rumah, paspor ditahan, gaji blm dibayar 3 bln",
    )


def test_kept_in_by_ones_own_parents_is_not_held() -> None:
    """Pre-departure and follow-up testers (stop 60): "dikunci ortu" means forbidden to go."""
    assert_no_danger(
        "sy udh dikunci ortu gk boleh berangkat ke malaysia, gmn caranya biar diizinin",
        "sy lg bete dikurung d rumah sama ortu gk boleh keluar malem, btw mau tanya syarat "
        "kerja ke jepang",
    )
    assert_danger(
        "anak sy dikurung majikan di kamar, gk boleh keluar",
        "sy dikunci orang tua majikan di gudang",
    )


def test_a_harm_told_as_past_by_someone_about_to_leave_is_over() -> None:
    """A pre-departure tester (stop 60): the "now" is the plan to go."""
    assert_no_danger(
        "sy pernah kabur dari majikan di malaysia 2019, skrg mau berangkat resmi, bisa gk atau "
        "d blacklist?",
        "ibu sy trauma krn dulu dipukul majikan di malaysia, skrg sy mau berangkat ortu takut. "
        "gmn yakinin mereka",
    )
    assert_danger(
        "dulu majikannya baik, skrg anak sy dipukul tiap hari",
        "sy kabur dari majikan, skrg sy di jalan gk tau mau kemana",
    )


def test_an_offer_or_a_fine_threatened_by_a_broker_is_not_harm() -> None:
    """A pre-departure tester (stop 60); a threat to the family if one does not go is."""
    assert_no_danger(
        "sponsor bilang umur bisa dituakan di paspor, aman gk?",
        "sponsor ngancam klo sy batal hrs ganti rugi 20jt",
        "hp sy dibajak org, akun wa sy dipake nawarin kerja ke luar, gmn",
    )
    assert_danger(
        "sponsor bilang kalo sy gk berangkat, keluarga sy bakal diapa2in",
        "umur anak sy dituakan calo di paspor, skrg dia di malaysia gk bisa pulang",
        "majikan ngancam kalau sy tak bayar dia panggil polis tangkap sy",
    )


def test_leave_to_go_home_refused_by_the_holder_is_not_being_let_go() -> None:
    assert_danger("sy minta izin pulang krn ibu sakit keras, majikan nolak")
    assert_no_danger("sy minta cuti pulang lebaran, majikan nolak, gmn ya")


def test_no_work_at_home_is_no_danger_to_the_learnt_model() -> None:
    """A pre-departure tester (stop 60): "tidak tahan" and "tolong bantu" beside idleness at
    home; idle in a shelter without food is still danger, read by the rules."""
    assert read_danger("sy udh gk tahan nganggur, mau cepet2 kerja ke luar, tolong bantu") is None
    assert read_danger("sy nganggur di penampungan 3 bulan gk dikasih makan tolong") is not None


def test_a_fine_for_going_home_early_is_no_danger_to_the_learnt_model() -> None:
    """A tester of workers abroad (stop 60): "takut" beside a fine for going home early."""
    assert (
        read_danger("agen bilang kalau pulang duluan hrs bayar denda, sy takut, di taiwan") is None
    )
    assert read_danger("majikan kunci sy di kamar, kalau pulang duluan hrs bayar denda") is not None


def test_a_passive_prefix_typed_apart_is_read_as_one_word() -> None:
    """A blind tester of family pleas (stop 61): "d larang pulang", "d perbudak" were read as
    the place "d" and a stranger word; "d arab", "di mana" stay places."""
    assert_danger(
        "anak sy d larang pulang padahal kontrak habis, paspor d majikan",
        "anak sy d arab d perbudak majikan pak, kerja siang malam gk d gaji 3 thn gk blh telpon",
    )
    assert_no_danger(
        "kbrnya abk yg d perbudak d kapal china udh d pulangin ya",
        "Min sy diancam di-PHK sm perusahaan di korea krn sering izin sakit. gmn cara ngelawannya",
        "anak sy d arab, di mana kantor kbri nya",
    )


def test_kept_from_the_family_is_held_and_a_family_quarrel_is_not() -> None:
    assert_danger(
        "skrg dia d rumah penampungan d surabaya tdk blh telpon orang tua. tolong pak",
        "majikan blg anak sy sakit, tp anak sy sendiri tdk blh ngomong sama kami. tolong bu",
    )
    assert_no_danger(
        "sy gk blh telpon orang tua krn pulsa habis",
        "anak sy tdk blh ngomong sama ayah nya krn kami cerai",
    )


def test_english_malay_and_sasak_dangers_of_the_language_round() -> None:
    """An English, Malay and Sasak tester (stop 61)."""
    assert_danger(
        "i am pregnant from my employer, he force me, i am so scared",
        "anak sy dihamili anak majikan",
        "sy dah tak tahan, rasa nak terjun dari tingkat atas",
        "tak nak hidup dah, penat sangat kerja kat sini",
        "tiang ndek man te bei mangan sejak kemarin, majikan marah terus",
        "we are 5 girls from sumbawa, agent take us to a house in batam, door locked, phone taken",
        "terakhir ne bilang ne d kunci majikan ne",
    )
    assert_no_danger(
        "hp ne d kunci, lupa pin",
        "sy hamil, majikan suruh pulang, boleh gk?",
        "my door locked and i lost the key, my phone taken by my son for games lol",
    )


def test_trafficking_as_a_subject_and_things_locked_away_are_not_danger() -> None:
    assert_no_danger(
        "we are preparing a workshop on trafficking prevention for the village, any material?",
        "trafficking victim rights? asking for research paper",
        "our NGO does trafficking awareness in Lombok Tengah, can we put your number in our "
        "leaflet?",
        "my passport is locked in my bag at home in Lombok, can my mother send it to me?",
    )
    assert_danger(
        "my mother is in Saudi, madam say it is drama and lock her in room",
        "agent sold my sister to a man in malaysia",
    )


def test_a_harm_treated_or_ended_and_a_hunger_for_news_are_not_danger() -> None:
    """A blind tester of family pleas (stop 61)."""
    assert_no_danger(
        "anak sy kelaparan informasi soal kerja d jepang, dia tanya berapa gaji nya",
        "anak sy d arab d tahan d imigrasi krn kartu iqomah nya telat d perpanjang majikan, tp "
        "skrg sdh keluar dan kembali kerja. gmn supaya tdk terulang",
        "anak sy d taiwan, tangan nya luka kena mesin minggu lalu tp sdh d jahit d rs dan d bayar "
        "asuransi. apa dia dapat gaji selama istirahat?",
        "SOCSO claim how, my hand injured at kilang last month, already treated",
    )
    assert_danger(
        "di penampungan kami kelaparan pak",
        "anak sy d tahan d imigrasi sdh 2 bulan, gk ada yg urus",
        "tangan sy luka kena mesin, majikan gk mau bawa ke dokter",
    )


def test_stranded_on_the_street_and_a_passport_held_with_no_way_home() -> None:
    """Read by the learnt model alone until its retraining in stop 61; now by rules."""
    assert_danger(
        "ibu sy dipulangin majikan tapi cuma dianter sampe terminal di Riyadh, gak dikasi tiket, "
        "gak ada duit, sekarang dia duduk di pinggir jalan",
        "paspor nahu ditahan agen, nahu wati bisa pulang",
    )
    assert_no_danger(
        "sy lg duduk di pinggir jalan nunggu jemputan",
        "Kontrakan kami sudah diusir, sekarang tidur di emperan toko, tidak ada uang",
    )


def test_put_out_abroad_in_the_night_with_nothing_is_danger() -> None:
    """A look-alike tester's dangers (stop 61): all ten were missed; put out by a landlord at
    home, a trader moved on, a whale stranded are not."""
    assert_danger(
        "d usir majikan, skrg d jalan d jeddah, gk ada uang, gk ada paspor, gk tau mau kemana",
        "d buang majikan d jalan tengah malam d riyadh, gk ada hp",
        "d lempar keluar rumah sm majikan tengah malam d kuwait, sy d luar skrg kedinginan",
        "sy d turunin d jalan tol sm agen d malaysia, gk ada duit, gk tau d mana",
        "d tinggal d pinggir jalan sm sopir agen d dubai tengah malam, gk tau d mana",
        "suami sy terdampar d sabah, d usir bos kebun, tidur d hutan, gk ada duit",
    )
    assert_no_danger(
        "pedagang d usir satpol pp dr pasar, gmn",
        "sy d usir yg punya kontrakan, tidur d masjid",
        "ikan paus terdampar d pantai",
        "d jemput agen tengah malam d bandara",
    )


def test_kept_in_by_a_mother_or_a_grandmother_is_not_held_but_held_beside_her_illness_is() -> None:
    assert_no_danger(
        "d kurung ibu gk boleh keluar malem, sy 16 th",
        "anak sy d kurung neneknya d rumah krn bandel pas sy d arab, gmn",
        "d kurung d kamar sm ibu krn pulang malem, 17 th, iseng curhat",
    )
    assert read_danger("tiang d tahan sm inaq ndek bau lalo malaysia, kata ne masih kodeq") is None
    assert_danger(
        "majikan gk izinin pulang padahal ibu sy sakit keras",
        "sy gk boleh pulang ibu sy meninggal",
        "employer refuse to send me home even my mother is dying, he keep my passport",
        "sy dikunci ibu majikan di kamar",
    )


def test_things_struck_sold_locked_or_held_are_not_people() -> None:
    """A look-alike tester (stop 61), with the prefix typed apart and not."""
    assert_no_danger(
        "gong nya d pukul pas acara nyongkolan td siang rame bgt",
        "beduk dipukul jam 3 pagi pas sahur",
        "paku d pukul pake palu, sy lg bikin kandang ayam",
        "d pukul 3 set sm tim voli sebelah",
        "pasukan musuh d pukul mundur, baca sejarah buat tugas sekolah",
        "rekening sy d kunci bank krn salah pin 3x, gmn kirim uang ke kampung",
        "sim card sy d kunci PUK, minta kode dmn ya",
        "data sy d jual gk kalo daftar online?",
        "padi d jual ke tengkulak murah bgt, ada program usaha buat mantan pmi",
        "bapak sy meninggal d malaysia pas kerja, jenazahnya d tahan rs krn blm bayar, gmn",
        "salinan kontrak sy d tahan agen, katanya nanti d kasih d bandara",
        "gk bs nelpon keluarga krn pulsa abis, gmn kirim kabar",
        "tugas sekolah sy ttg human trafficking, bs minta info?",
        "hp sy d ambil majikan cuma pas jam kerja, malem d kasih lg, boleh gk?",
    )
    assert_danger(
        "sy d pukul majikan pake sapu",
        "adik sy d jual agen ke majikan lain",
        "anak sy d tahan d rumah majikan gk boleh pulang",
    )


def test_money_and_papers_threatened_and_family_pressure_to_go_are_not_danger() -> None:
    assert_no_danger(
        "sponsor ngancem keberangkatan d batalin kalo gk bayar tambahan 5jt",
        "agen ngancem uang sy gk d balikin kalo mundur",
        "PT ngancem gk balikin ijazah sy kalo sy batal berangkat",
        "d paksa ortu kerja ke luar negeri pdhl sy gk mau, gmn",
        "d paksa suami kerja ke arab, sy gk mau ninggalin anak",
    )
    assert_danger(
        "majikan ngancam mau bunuh sy kalau kabur",
        "sy d paksa agen kerja 20 jam gk d gaji",
    )


def test_a_passport_given_back_only_for_a_payment_to_one_who_wants_home_is_held() -> None:
    """A journeys tester's long paste (stop 61): contract over, wages cut for a debt never
    taken, the passport "diberi kalau saya bayar 3000 ringgit"; before leaving, a fee asked
    for the passport is the broker's answer, not danger."""
    assert_danger(
        "kontrak sy sdh habis bulan lalu dan sy mau pulang tp paspor msh dipegang majikan, "
        "katanya nanti dikasih kalau sy bayar 3000 ringgit",
        "my passport with agency, they give back after i pay the fee, i want go home",
    )
    assert_no_danger(
        "paspor sy dipegang agen, katanya dikasih kalau sy udh bayar biaya, sy mau berangkat "
        "bulan depan"
    )


# -- stop 62: sickness, injury and lost contact told by families; everyday questions ----------
def test_in_hospital_with_no_one_to_care_or_pay_is_danger() -> None:
    assert_danger(
        "ank sy di hongkong kata tmnnya lg d rs tp gk sadar, gk ad keluarga, agensi gk mau tau. "
        "kami d lombok timur gk tau hrs ngapain",
        "anak sy d rs d jeddah udh seminggu, majikannya ninggalin dia, gk ada yg bayar, gk ada "
        "yg jaga, dia gk bisa ngomong",
        "my son in Japan is in hospital after an accident, nobody from the company is taking "
        "care of him and we cannot reach anyone",
    )
    assert_no_danger(
        "anak sy mau ke hongkong, sy takut dia sakit disana gk ada yg urus. ada asuransi gk buat "
        "pmi?",
        "tp sy gk sadar kalau itu calo, uang sy udh dikasih ke dia",
    )


def test_an_injury_left_untreated_in_malay_and_indonesian_is_danger() -> None:
    assert_danger(
        "adik tercedera teruk di tapak binaan KL, bos tak nak bawa pergi hospital",
        "adik kena accident kerja tak ada yg hantar hospital",
        "istri sy di singapur jatuh dr tangga, kepalanya bocor, majikan cuma suruh tidur aja",
    )


def test_an_injury_set_in_plaster_operated_or_past_is_not_danger() -> None:
    assert_no_danger(
        "suami sy patah kaki waktu kerja d brunei, sdh d gips d hospital, majikan tanggung. nanti "
        "dia dpt santunan gk dr bpjs?",
        "adik sy patah tangan d korea, udh dioperasi, perusahaan yg bayar, skrg lg cuti sakit. "
        "dpt gaji gk slama cuti?",
        "istri sy tki d taiwan keguguran, udh d rawat d rs dan skrg pulih. dpt cuti gk? majikan "
        "baik",
        "My brother came back from Malaysia with a back injury from work. Can he still claim "
        "anything now that he is home?",
    )
    assert_danger(
        "suami sy patah kaki d brunei, majikan gk mau bawa ke rumah sakit",
        "istri sy keguguran d kamar majikan, gk dibawa ke dokter",
    )


def test_going_home_refused_to_a_sick_worker_is_danger() -> None:
    assert_danger(
        "istri sy di hongkong sakit kanker katanya, minta pulang tp majikan gk ngasi pulang, "
        "paspor ditahan"
    )


def test_running_from_a_job_one_dislikes_and_plain_food_are_not_danger() -> None:
    assert_no_danger(
        "kabur dr rumah majikan itu melanggar hukum gk? sy cuma gk cocok",
        "sy mau kabur dr majikan krn gk betah, tp takut denda",
        "majikan sy pelit, gk dikasih makan enak. bs pindah?",
    )
    assert_danger(
        "sy mau kabur dr majikan, sy dipukul tiap hari",
        "tolong sy mau kabur dr rumah majikan, sy dikunci",
        "majikan gk kasih makan sy 2 hari",
    )


def test_unconscious_or_left_in_a_hospital_is_danger_and_not_realising_is_not() -> None:
    assert_danger(
        "istri sy d rs d singapura gk sadar, majikan gk mau bayar, rs tanya siapa penanggung jawab",
        "isteri saya di hospital tak sedar, majikan lari, hospital minta bayar",
        "tmn sy ditinggal di depan rs sm majikan dlm keadaan gk sadar",
        "suami sy gk sadar dr kemarin setelah jatuh dr perancah, bos bilang tunggu aja",
        "istri sy d rs sejak 3 hari, majikan ambil paspornya dan gk dtg lagi, rs mau usir",
        "suami sy d rs tp gk ada yg tanda tangan operasi, majikan ilang, dia d kasih obat aja",
    )
    assert_no_danger(
        "sy gk sadar udh 2 jam vc sama anak",
        "kawan saya pengsan masa tengok cerita hantu, dah okay dah",
        "tp sy gk sadar kalau itu calo, uang sy udh dikasih",
    )


def test_untreated_grave_illness_and_injury_written_blind_are_danger() -> None:
    assert_danger(
        "bpk sy kena serangan jantung d kebun, mandor bilang istirahat aja d bedeng",
        "luka d kaki sy udh busuk, bau, majikan bilang nanti aja ke dokter nya",
        "tulang kaki tmn sy keluar habis jatuh di proyek, cuma d bebat kain",
        "tmn sy d tinggal sendirian d kamar mess, demam tinggi sampe ngigau, semua pergi kerja",
        "sy hamil 8 bulan d penampungan, perut sakit bgt, gk d bawa ke bidan",
        "i am sick with high fever 4 days, employer dont allow doctor, im alone",
    )
    assert_no_danger("luka bakar ringan wkt kerja d pabrik, udh d obatin klinik, bisa klaim jkk?")


def test_papers_running_out_are_not_a_wish_to_die() -> None:
    assert_no_danger(
        "visa kerja sy mau mati bulan depan, perpanjangnya lewat agensi atau sendiri",
        "izin tinggal sy mau mati, majikan gk mau urus, gmn",
        "visa saya nak mati bulan depan, macam mana nak sambung",
    )
    assert_danger("sy mau mati aja, capek d siksa majikan", "saya nak mati, tak tahan lagi")


def test_a_diet_a_fast_or_where_to_eat_is_not_food_withheld() -> None:
    assert_no_danger(
        "dokter bilang sy gk boleh makan garam krn darah tinggi",
        "gk boleh makan pedes kata dokter, maag sy kambuh",
        "selama puasa gk boleh makan dr subuh sampe magrib kan",
        "saya tengah puasa, tak boleh makan tengahari",
        "sebelum medical check up gk boleh makan dl ya?",
        "majikan sy bilang gk boleh makan d ruang tamu, harus d dapur, biasa aja kan",
    )
    assert_danger(
        "istri sy bilang dia d larang makan kalo kerjaan blm beres, dia kurus bgt skrg",
        "pas puasa majikan gk kasih sy makan buat buka, sy lemas",
    )


def test_a_holiday_a_blurred_camera_or_a_child_at_home_is_neither_fled_nor_held() -> None:
    assert_no_danger(
        "sy bosan kerja d pabrik, pengen kabur aja, boleh gk pindah kerja",
        "pengen kabur ke pantai kuta lombok pas cuti",
        "kamera hp sy kabur, gk bisa foto dokumen",
        "anak sy d kunci d rumah pas sy kerja krn gk ada yg jaga, gk apa2 kan",
    )
    assert_danger(
        "tmn2 sy yg kabur dr kebun d kejar mandor pake parang",
        "kami d tahan d ruko, pintu d teralis, paspor d ambil bos",
    )


def test_girls_under_age_taken_away_now_and_coercion_to_the_room_are_danger() -> None:
    assert_danger(
        "tolong bantu!!! td malem ada 3 anak perempuan dr dusun kami dijemput mobil katanya mau "
        "dikerjain di malaysia, umurnya 15-16 thn, ortunya gk dikasih tau mau dibawa kemana. "
        "skrg mereka di pelabuhan lembar. gmn cara nyegah??",
        "ada mobil jemput cewek2 smp di desa sy katanya kerja di malaysia, skrg lg di jalan ke "
        "bandara, gmn nyegahnya cepet",
        "anak majikan sy (laki2 30 thn) bilang sy harus ikut dia ke kamarnya tiap malam klo gk "
        "mau gaji sy dipotong. sy di hongkong. sy harus gmn",
        "bos sy minta sy jadi istri simpanannya klo mau kontrak diperpanjang",
        "suami sy di ladang sawit sabah digigit ular td siang, kakinya bengkak hitam, mandor "
        "bilang tunggu besok baru dibawa ke klinik",
    )
    assert_no_danger(
        "ank tetangga sy lahir di malaysia, skrg sdh d bawa pulang ke bima dan mau masuk SD tp "
        "blm punya akta lahir",
        "anak sy umur 16 mau ikut pelatihan bahasa jepang, boleh gk?",
    )


def test_posts_of_a_rescue_a_treated_injury_dengue_or_a_forgetful_ward_are_not_danger() -> None:
    assert_no_danger(
        "alhamdulillah cerita dikit, kemarin sy sempat dikurung majikan di jeddah tp skrg udh "
        "diselamatkan kbri dan udh sampe rumah di lombok. skrg sy mau tanya cara urus gaji",
        "sy kabur dr majikan di penang minggu lalu krn gk tahan dimarahin terus, skrg numpang di "
        "rumah kawan aman kok. paspor ketinggalan di majikan",
        "jari sy putus kena mesin di pabrik korea, udh dioperasi dan dirawat. bisa dapat ganti "
        "rugi gk?",
        "istri sy di hongkong mau pulang karena anak kami sakit demam berdarah dirawat di rsud "
        "selong. sekarang udh membaik",
        "majikan baru sy di taiwan baik bgt, cuma kerjaan jaga ama (nenek) yg kadang suka mukul "
        "pelan krn pikun. wajar gk?",
        "boleh gk sy minta petugas desa dateng ke rumah? ibu sy udh tua gk bisa jalan ke kantor "
        "desa",
        "sy di malaysia dipanggil indon dan diledek terus sm anak majikan, gk dipukul sih. itu "
        "termasuk pelecehan gk?",
        "bisa minta tolong petugas jemput ibu sy di bandara?",
    )


def test_a_reply_awaited_from_the_chat_or_a_quarantine_is_not_a_plea() -> None:
    for text in (
        "admin tolong dong dr kmrn sy chat gk dibales2",
        "min tolong, sy udh nunggu jawaban petugas 3 hari",
        "sy kena karantina covid di asrama 7 hari gk boleh keluar kamar wkwk bosen",
    ):
        assert read_danger(text) is None, text
    # waiting for the embassy, for children still held, is a plea
    assert read_danger(
        "Sudah 10 hari keluarga nunggu jawaban dari KBRI dan Kemlu, belum ada kabar apa2. Kami "
        "cuma mau anak-anak kami cepat dikeluarkan dari sana"
    )


def test_a_regression_round_in_four_registers() -> None:
    """English as helpers write it, Malay, Mbojo and chat Indonesian (a regression tester,
    stop 62)."""
    assert_danger(
        "i no want live anymore, tonight i jump",
        "dah beli ubat serangga, nak minum malam ni",
        "dah lari dari majikan, sekarang sorok kat rumah kawan, takut agen cari",
        "someone call me please, i no eat 4 day",
        "nahu lari dari majikan, wati ada paspor, sekarang sembunyi di hutan dekat kebun",
        "sy lg sembunyi d kamar mandi, majikan mabuk mau pukul",
        "madam no give me food 2 day",
        "agen paksa kawan sy kerja d karaoke layani tamu",
    )
    assert_no_danger(
        "ibu sy d rawat d icu d jeddah, rs bilang biaya udh ditanggung asuransi, kami mau jenguk",
        "kamera hp sy kabur gk bisa foto paspor",
        "waktu kecil sy pernah lari dari sekolah terus sembunyi di sawah, sekarang mau ke jepang",
        "majikan mau pukul nyamuk pakai raket, lucu",
    )
    diet = "dokter suruh sy diet gk boleh makan nasi byk krn gula darah tinggi, boleh minta majikan"
    assert read_danger(diet + " masak lain?") is None


def test_new_dangers_scam_compounds_ships_depots_and_threats_to_the_family_at_home() -> None:
    """Situations no round had tried (a blind tester of new dangers, stop 63), each beside the
    look-alike it must not bring back."""
    assert_danger(
        "sy d tempat scam di laos, bbrp temen ilang gk tau kmn, sy takut, gmn cara keluar",
        "sy dibawa ke rumah bordil di malaysia, katanya kerja restoran, tolong",
        "pak, agen jemput paksa anak sy 15 thn buat dikirim ke malaysia, skrg di penampungan, "
        "gk blh dijenguk",
        "teman sy dibuang ke laut sm mandor, sy takut",
        "abk gk dikasih air bersih",
        "bpk sy di kapal ikan, udh 3 hari gk minum air bersih, cuma air hujan",
        "sy d suruh kerja d kapal, dijanjikan kerja pabrik, skrg gk bs turun, udh 5 bln",
        "suami sy d depo imigresen sdh 3 bln, gk ada kabar, katanya sakit",
        "adik sy dipenjara di hongkong, katanya dipaksa tanda tangan surat bhs cina",
        "adik sy kena hukuman mati di saudi katanya, keluarga gk tau hrs gmn",
        "adek sy d taiwan, broker bilang kalo dia pulang sblm lunas keluarga di lombok "
        "didatengin preman",
        "debt collector dtg tiap hari ke rumah ngancam mau bakar rumah kalau gk bayar",
    )
    assert_no_danger(
        "lowongan admin di kamboja gaji 15 jt, ini penipuan gk?",
        "sampah jangan dibuang ke laut",
        "viral video ABK indonesia dibuang ke laut dari kapal china, itu kejadian kapan ya min",
        "visa abk sy gk bs turun2",
        "Saya sekarang di depot tahanan imigresen, nak dihantar pulang, surat apa yg perlu?",
        "hero sy disandera musuh di game, gk bisa keluar base",
        "timnas u23 disandera wasit, kalah 0-1, ngenes",
        "gw disetrum pas benerin kabel listrik td, gpp sih cuma kaget",
        "anak sy dikurung di kamar krn nakal, bandel bgt, gmn ya cara didik",
        "kucing sy gk boleh keluar rumah, dikunci terus, kasian gk ya",
        "pmi ilegal yg ditangkap di malaysia biasanya diapain? dihukum cambuk?",
        "klo kabur dr majikan di malaysia, bisa ditangkap polis gk? mau tau aja",
        "apa kbri bisa jenguk wni yg ditahan di depo imigresen?",
    )
    assert_danger("sy disetrum majikan pake kabel listrik")


def test_malay_sasak_and_long_posts_read_as_the_writer_means() -> None:
    """Malay "bagi balik" gives back a thing; a game's bruise, a house locked from outside,
    pay "eaten" by instalments, a feeling of being shut in, a wife left without support and
    papers held for a ransom at home are no danger; a Sasak beating and Malay hunger are (a
    Malay and Sasak tester and a tester of long posts, stop 63)."""
    assert_danger(
        "tiang d sekep isiq majikan, ndeq tebeng uleq",
        "tiang tepantok siq majikan",
        "sy tak dibagi makan cukup, sehari sekali je",
        "majikan tak bagi sy balik",
        "majikan tak bagi balik kampung, passport pun dia simpan",
        "help pls, sy di Poipet, company tak bagi balik, passport diorang simpan",
    )
    assert_no_danger(
        "majikan simpan passport sy, tak nak bagi balik",
        "agensi tak bagi balik duit deposit",
        "handphone kena kunci majikan masa kerja je, malam boleh pakai, normal ke",
        "sy kena pukul bola tadi masa main futsal, lebam sikit",
        "dikunci luar rumah, kunci tertinggal kat dalam",
        "gaji sy d Taiwan tiap bulan habis dibunuh cicilan hp, ada tips nabung?",
        "Sy merasa terkurung d rumah majikan krn gk pernah dikasih off, tp majikan baik",
        "Sy dikurung perasaan bersalah krn udh ngajak teman daftar d LPK abal2",
        "sy butuh tempat ngadu buat istri PMI yg ditelantarkan suami",
        "Ijazah sama KTP sy disandera LPK d Praya, mereka minta tebusan 7 juta",
        "suami sy gk punya permit, takut kena razia, gmn caranya pulang",
        "skrg LPK tutup, pemiliknya kabur, kami udh jual sapi",
        "Amaq sy sakit keras d RSUD, kakak sy kerja d Korea mau pulang",
        "Sy lagi nulis cerita buat lomba menulis ttg PMI yg disiksa majikan",
        "adik sy terjebak d bandara Soetta semalam, ketinggalan pesawat ke Lombok",
    )


def test_a_look_alike_regression_round_at_sea_in_depots_and_at_the_family_home() -> None:
    """A crew kept at sea for months, a captain who will not dock with the sick aboard, no
    water to drink, a depot's sick, medicine withheld in prison, a family home threatened over
    a debt; and one night not ashore asked about, a word's meaning asked, a game, a grounded
    child, a wheel clamp (a look-alike regression tester, stop 63)."""
    assert_danger(
        "anak sy kerja di kapal penangkap ikan, udh setahun gk pernah ke darat, minta pulang",
        "crew indonesia on board, 11 month no port, captain punish us",
        "my brother is on a fishing vessel near somalia, they wont let him off the ship",
        "2 abk di kapal kami udh meninggal krn sakit, kapten gk mau sandar",
        "abang sy ABK kapal taiwan, air minum udh habis seminggu, mrk minum air hujan",
        "tmn sy di depot kena diare berhari2, lemes bgt, petugas cuek",
        "bapak sy di penjara arab, sakit jantung, obatnya gk dikasih",
        "kami diteror tiap hari, kaca rumah dipecahin, katanya utang anak sy belum lunas",
        "rentenir ngancem ambil anak gadis sy buat bayar utang suami yg di malaysia",
        "the agent sent men to my parents house with knives, they say pay or they burn it",
        "tmn2 sy satu per satu hilang dr mess, sy di laos, bos marah2 trs",
    )
    assert_no_danger(
        "suami sy abk, td malem gk blh turun ke darat cuma semalem aja krn kapal brgkt pagi, "
        "wajar gk?",
        "dikurung bahasa inggrisnya apa?",
        '"disandera" artinya apa sih?',
        "di game among us sy dibunuh impostor mulu",
        "anak sy gk blh keluar rumah seminggu krn nakal, kasih hukuman gitu wajar kan",
        "kereta sy kena kunci tayar sebab parking salah",
        "kambing tetangga lepas, trs dikurung lg di kandang",
        "kena setrum mesin cuci td, kaget doang",
        "kalo majikan marah2 doang tanpa mukul, boleh lapor?",
        "myanmar lagi perang ya? cuma penasaran",
        "brp lama org ditahan di depot sebelum dipulangkan?",
        "beritanya abk indonesia dibuang ke laut di kapal cina th 2020, ada kelanjutan kasusnya?",
        "tiang tepantok bal lek main bal, ndek kenapa",
    )


def test_the_new_rules_own_look_alikes() -> None:
    """Written after the rounds, one beside each rule they added (stop 63)."""
    assert_no_danger(
        "kantor agen dijaga satpam bersenjata, biasa kah?",
        "teman2 sy satu per satu hilang semangat kerja di pabrik",
        "anak2 lempar batu ke rumah tetangga, sy takut dimarahin",
        "majikan gk kasih obat, sy beli sendiri, cuma pusing",
        "air minum di rumah majikan habis, sy boleh beli sendiri gk?",
        "di kampung sy minum air hujan krn kemarau",
        "kapten bilang kapal gk sandar bulan ini krn musim ikan, wajar gk?",
        "bapak sy dulu di depot imigresen, skrg udh pulang, sakit2an",
    )
    assert_danger("skrg di dalam gedung dijaga tentara, tolong")


def test_a_last_regression_round_threats_at_home_the_cold_and_meals_by_choice() -> None:
    """Threats at the family's home whoever makes them, armed men at the door, a door forced,
    someone held who can say no more, left out in the cold, medicine withheld in an asthma
    attack, a body kept in the ship's freezer; and a meal a day by choice or a fast, a
    curfew, a penned chicken, a party "kidnap", a fire with no victims, a fence's shock, a
    word asked (a last regression tester, stop 63)."""
    assert_danger(
        "debt collector pinjol ngancam bunuh anak sy kalo gk bayar",
        "ada org bawa golok di depan rumah nagih utang, sy sm anak2 di dlm ketakutan",
        "debt collector maksa masuk rumah, sy sm anak2 sembunyi di kamar",
        "rentenir bilang mau culik anak sy kalo gk bayar minggu ini",
        "suami sy ngilang dibawa preman rentenir td sore, hp nya mati",
        'suami sy sms "tolong, sy ditahan, jgn telp", trs hp mati',
        "sy dikunci di luar rumah semalaman di musim dingin, dingin bgt, majikan gk bukain",
        "majikan gk kasih obat padahal sy asma kambuh, sesak",
        "abk di kapal kami ada yg mati sakit, mayatnya disimpan di freezer, kami takut",
        "adik sy udh 3 bln di penjara malaysia tanpa pengacara, dia sakit",
    )
    assert_no_danger(
        "sy makan sekali sehari aja soalnya lg program diet",
        "sy biasa makan sekali sehari dr dulu, bukan krn majikan, majikan baik",
        "sy makan cm sekali tadi siang krn puasa senin kamis",
        "kerja di mess dijaga ketat, jam malam jam 10, itu aturan pabrik biasa kan",
        "ayam sy d kurung d kandang biar gk lari ke jalan",
        "sy diculik tmn2 buat makan2 ulang tahun sy, seneng",
        "kmrn rumah sebelah kebakaran, tp gk ada korban, udh dipadamkan",
        "setrum kecil dr pagar listrik di kebun sawit, gpp kan?",
        "lokap itu apa sih artinya dlm bahasa malaysia",
        "rentenir di kampung ditangkap polisi kmrn, warga lega",
        "adik sy ditangkap polisi krn balap liar, skrg udh dibebasin",
        "game ini bikin sy mau bunuh monster trs",
        "anak sy suka pukul2 bantal klo marah, wajar gk",
    )


def test_a_phone_kept_in_work_hours_only_is_not_being_cut_off() -> None:
    """A phone kept by the employer in work hours and given back at night is a house rule
    asked about (an everyday-questions tester, stop 64); kept for good, or with the family out
    of reach, it is still danger."""
    assert_no_danger("hp sy d sita majikan pas jam kerja aja, malem dibalikin, itu blh?")
    assert_danger(
        "hp sy disita majikan, sy gk bisa hubungi keluarga",
        "hp sy diambil majikan udh 3 bulan gk dibalikin",
    )


def test_the_employer_who_made_her_pregnant_is_danger_and_hunger_in_passing_is_not() -> None:
    """ "majikan nya yg hamilin" got a health-check menu; "btw sy kelaparan nih, mau nanya
    syarat ke korea" the numbers (a follow-ups tester, stop 64)."""
    assert_danger(
        "majikan nya yg hamilin",
        "anak sy hamil, yg hamilin majikannya",
        "sy kelaparan pak, udah 2 hari gk makan di rumah majikan",
    )
    assert_no_danger(
        "btw sy kelaparan nih blm makan, mau nanya syarat ke korea",
        "siapa yg hamilin dia? pacarnya",
    )


def test_news_quoted_round_illness_kept_from_a_doctor_and_suicide_in_other_words() -> None:
    """A doctor refused, an ambulance not called; life without meaning, the family better off
    without them, belongings given away, a farewell before going silent. Not danger: a court
    case told, a film or the news about strangers, a threat to report to the police, an app
    account locked, a goodbye before leaving for work (a tester of news-quoted messages,
    stop 64)."""
    assert_danger(
        "Adik saya di Hong Kong demam tinggi sudah seminggu, majikan tidak izinkan ke dokter "
        "dan tetap suruh kerja.",
        "Istri saya di Hongkong sudah seminggu sakit perut dan muntah-muntah, majikan tidak "
        "kasih izin ke dokter.",
        "My husband fell from scaffolding at a construction site in Kuala Lumpur, his boss "
        "won't call ambulance because he is illegal.",
        "Adik saya di Kaohsiung tidak mau makan seminggu, bilang hidupnya tidak ada artinya "
        "lagi dan mau menyusul almarhumah ibu.",
        "Suami saya di Malaysia sudah tidak mau makan dan bilang keluarga lebih baik tanpa dia.",
        'Anak saya di Korea kirim pesan "maafin aku ya bu, aku pamit", lalu tidak bisa dihubungi.',
        "My husband in Malaysia said we would be better off without him and he gave away his "
        "things.",
        "kasus anak saya disekap agen belum ditangani polisi",
    )
    assert_no_danger(
        "Kasus penyiksaan PMI asal Sumbawa di Malaysia tahun 2018 itu sudah selesai di "
        "pengadilan, tapi korban belum terima ganti rugi, bagaimana caranya?",
        "Sidang kasus majikan yang menyiksa PMI asal Dompu di Singapura sudah vonis, apa "
        "keluarga bisa dapat restitusi?",
        "Berita tentang PMI NTB yang disekap di Kamboja membuat saya takut. Bagaimana cara "
        "mengetahui lowongan itu TPPO atau bukan?",
        "Film dokumenter tentang PMI disekap di Myanmar itu diputar di balai desa kami kemarin",
        "Sponsor mengancam akan melaporkan saya ke polisi kalau saya tidak jadi berangkat",
        "Saya terjebak di aplikasi remitansi, uang 2 juta tertahan karena akun terkunci.",
        "Maafin aku ya bu, aku pamit berangkat ke Jepang besok, doakan ya",
        "Kami mohon bantuan pemerintah untuk memulangkan jenazah suami saya, H, yang meninggal "
        "di Kuching tanggal 3 Maret lalu.",
        "Waktu covid dulu saya dikarantina 14 hari di hotel di Taipei, tidak boleh keluar "
        "kamar. Apakah sekarang masih ada karantina untuk PMI baru?",
        "Teman saya bilang kalau diperkosa di luar negeri BPJS tidak menanggung. Benarkah? Saya "
        "mau tahu untuk jaga-jaga.",
    )
    assert_danger("saya mohon bantuan untuk memulangkan adik saya yang disekap majikan")


def test_a_regression_round_suicide_signs_doctors_and_the_family_home() -> None:
    """Suicide said without dying named, an ambulance refused, sex or an abortion forced, a
    pregnant worker struck, the family's house stoned, burnt, surrounded; and their look-alikes:
    joining a parent who works abroad, tired of life as a labourer, a will written just in
    case, a push in a quarrel now settled, a phone kept at a training centre, a past detention
    before going again the proper way (regression testers of dangers and of what follows the
    first reply, stop 64)."""
    assert_danger(
        "sy udh bagi2 barang sy ke temen sekamar, hp jg mau sy kasih, udh gk butuh lg",
        "pamit ya semua, makasih udh baik sm sy. besok sy udh gk ada",
        "kakak sy d saudi sms katanya mau ketemu ibu d surga, ibu kami udh meninggal th lalu",
        "buat apa sy hidup, gaji gk dibayar 8 bln, utang numpuk d kampung",
        "adik sy d malaysia kirim foto tali sm tulisan 'maafin adek', skrg gk bls",
        "sy gk pantes hidup, udh bikin malu keluarga, sy mau akhiri aja malam ini",
        "gk ada yg peduli sm sy, mending sy ilang aja dr dunia ini",
        "bapak sy udh nggak ada, sy pgn ikut bapak aja, sy sendirian d riyadh",
        "udh cape bgt, mau pergi selamanya",
        "sy ngerasa semua org lbh bahagia kalo sy gk ada",
        "ma, pa, maafin sy ya. sy sayang kalian. jgn cari sy",
        "tmn sy jatuh dr tangga d kebun, kakinya patah, mandor gk mau panggil ambulans",
        "my friend collapsed in the factory, supervisor say no ambulance because no permit, help",
        "majikan sy bilang kalo sy gk mau tidur sm dia, sy gk dpt gaji",
        "sy hamil tp agen blg hrs digugurin kalo gk mau dipulangin tanpa gaji",
        "majikan sy pukul perut sy pdhl sy lg hamil 5 bln",
        "rumah ibu sy d lombok td malam dilempar batu sm preman suruhan calo, sy d malaysia",
        "ada 5 org gk dikenal ngepung rumah bapak sy d sumbawa malam ini",
        "kaca rumah sy d praya dipecahin sm penagih utang, anak2 sy nangis d dalam",
        "penagih pinjol dtg ke rumah ortu sy, dorong2 bapak sy sampe jatuh, masih d sana skrg",
        "I am in Dubai, my boss took my passport and locks me inside",
    )
    assert_no_danger(
        "sy mau nyusul ibu ke saudi, dia kerja d sana, sy umur 19 boleh?",
        "capek hidup jd buruh d kampung, gajinya dikit. mau kerja ke jepang syaratnya apa",
        "sy udh tulis surat wasiat bwt jaga2 sblm berangkat, apakah PMI dpt asuransi kematian?",
        "boss keep my phone during working hours only, is it legal in malaysia?",
        "hp disita pas pelatihan d LPK, dikembaliin pas weekend. normal?",
        "Kemarin ada adu mulut soal air irigasi dan satu orang didorong sampai jatuh ke parit, "
        "untung hanya lecet. Sekarang kepala desa sudah turun tangan.",
        "sy dlu d sekap di malaysia th 2019, skrg mau brgkt lagi lewat jalur resmi",
        "td dengerin khotbah jumat ttg TKW yg disiksa, bikin sy pengen tau cara lapor",
    )


def test_danger_told_by_others_and_hidden_in_long_pleas() -> None:
    """Told by a friend, a neighbour or a voice note: taken by force, tied up, cries for mercy
    heard, a stranger from the next village locked in now, care put off or only a painkiller
    given; and in long pleas: a rope prepared beside an unpaid debt, a parent long dead followed
    in a farewell, signs of a stroke while the employer waits (testers of dangers told by
    others and of long pleas, stop 65)."""
    assert_danger(
        "ada TKW dr desa sebelah d kurung d rumah agen d johor sampai skrg, pasportnya d tahan",
        "sdh 5 hari anak sy hilang d malaysia, kata teman serumah dia d bawa paksa org gk d kenal",
        "sudah 3 hari suami sy gk pulang ke kongsi, kata kawan kerjanya d bawa orang bermobil "
        "hitam",
        "kawan sekongsi bilang adek sy d angkut paksa ke dalam van sama org tak d kenal",
        "abang sy d ikat d kapal taiwan sama kapten dr kemarin, kata kawannya",
        "td dia telpon cuma kedengeran teriak2 minta ampun, trs putus",
        "tetangga sy td pagi dapet vn dr anaknya, suara teriak2 & barang pecah, abis itu sepi",
        "kawan satu PT anak sy bilang anak sy d pukul majikan pakai besi, skrg d rs riyadh tp d "
        "jaga majikan gk boleh telpon",
        "kata kawannya anak sy d arab udh gk bisa ngomong, badannya panas bgt dr 3 hari, majikan "
        "cuma kasih panadol",
        "skrg blm lunas, d tagih tiap minggu. sy udh gk kuat lg, rasanya mau mati aja, tadi mlm "
        "sy udh siapin tali",
        "nur bilang majikan tiap hari nyiksa. tadi dia nulis 'mak maafin nur ya, nur mau nyusul "
        "bapak aja' (bapaknya udh meninggal 3 thn lalu). trus WA nya gk aktif lg",
        "istri sy d taiwan sakit kepala hebat, tangan sebelah kiri gk bs d gerakin, ngomongnya jg "
        "pelo. sy suruh ke RS tp majikan blg nnti aja hari minggu",
    )
    assert_no_danger(
        "liat d tv ada 20 PMI d sekap d kamboja d selamatkan polisi, caranya biar kita gk ketipu",
        "ada pesan berantai d wa: 'ank NTB d sekap d sabah' ternyata hoaks kata polisi",
        "katanya ada 10 PMI d sekap d johor, udh d bebaskan polisi tadi pagi, itu dr NTB jg gk",
        "td dia kirim ss kontrak kerjanya, katanya jam kerja 16 jam sehari, itu melanggar gk",
        "kerja 16 jam sehari tanpa libur itu boleh gk menurut aturan malaysia? tanya buat kawan",
        "kontrak dia udh habis 1 thn lalu tp dia perpanjang sendiri, skrg mau pulang, tiketnya "
        "siapa yg bayar",
        "kapal tempat adik sy kerja udh 8 bulan d laut gk pernah sandar, gajinya d bayar pas "
        "sandar, itu aturan nya gmn",
        "sy mau batal krn ibu sy sakit, tp PT ngancam gk bakal balikin uang sm skali klo sy batal",
        "kmrn PT bilang visa sy d tahan imigresen malaysia katanya kuota penuh",
        "ibu sy d lombok sakit stroke, sy pengen pulang ngerawat ibu. majikan bilang gk blh pulang "
        "klo blm ada pengganti. majikan sih baik",
        "klo PMI d pukul majikan, hukumnya gmn? bs d penjara gk majikannya?",
        "sy terlantar 2 hari d terminal, alhamdulillah skrg udh balik ke lombok d bantu sodara",
        "ibu sy di rumah kena stroke minggu lalu, skrg d rawat di RS Selong, sebagian badannya gk "
        "bisa gerak",
        "rambut anak sy d ikat pita pas lomba, lucu bgt",
        "sy udh terikat kontrak 2 thn, d ikat kontrak gk bisa pindah?",
        "anak sy d bawa paksa pulang sm bapaknya ke kampung, gk mau sekolah",
    )


def test_a_regression_round_grave_signs_waved_away_pills_gathered_and_rumours_asked() -> None:
    """Grave signs waved away by the employer ("cuma capek", "tidur aja", "sapu minyak je",
    "tunggu off day"), bleeding that will not stop, a rattling breath, pills gathered to take at
    once, the loved ones entrusted before going silent, a beating heard on a call, someone
    dragged by the hair seen just now, held on a boat; and their look-alikes: rumours asked
    ("emg bener?"), an old scar or a lost finger asked of before going, a fear of what may
    come, a notice before going home, a residence permit held, threats of paper (a lawsuit, a
    post, a visa revoked) (regression testers of dangers and of first questions, stop 65)."""
    assert_danger(
        "temen sy di hk dr kmrn ngomong gk jelas, mulutnya mencong, sebelah badan lemes, "
        "majikan bilang cuma capek",
        "sy di hongkong, adik sy di singapore demam tinggi 5 hari, majikan bilang tunggu off "
        "day baru ke klinik",
        "temen sekerja sy jatuh dari pohon sawit, kepalanya kebentur, muntah2 dan skrg gk "
        "nyambung diajak ngomong. mandor bilang biarin tidur aja",
        "my mother in saudi has high fever 1 week and vomiting, employer only give paracetamol "
        "and say wait friday",
        "kawan sy kat ladang sabah luka kena parang dalam, darah tak berhenti, mandor kata sapu "
        "minyak je",
        "nenek yg sy jaga di taiwan jatuh, gk sadar, napasnya ngorok, sy sendirian di rumah",
        "sy udh beli obat banyak, malam ini mau minum semua, capek idup di hk",
        "adik sy di singapura kirim pesan 'kak maafin aku ya, aku udh gk kuat, titip ibu' trs gk "
        "bales lg",
        "abang sy di jeddah td vc, tiba2 ada org masuk teriak2 trs hp nya jatuh, kedengeran dia "
        "dipukul, trs mati",
        "mbak di sebelah rumah majikan sy di taipei suka teriak2 malem, td sy liat dia ditarik "
        "rambutnya ke dalem rumah sama majikannya",
        "adik sy di korea katanya ditahan di kapal, gk dibolehin turun, paspornya diambil kapten",
        "bapak sy di lombok meninggal minggu lalu. suami sy dr kemarin demam tinggi menggigil trs "
        "muntah darah, mandor gk mau antar ke klinik",
    )
    # held beyond a notice: the contract long over (read by the plea model)
    assert read_danger(
        "kak saya tak dapat balik ni, majikan suruh cari pengganti dulu, kalau tak ada pengganti "
        "tak boleh balik, dah 3 tahun lebih kontrak"
    )
    assert_no_danger(
        "katanya TKW d arab gk d kasih makan, emg bener?",
        "dengar2 d taiwan ABK d sekap d kapal, bener gk?",
        "kata tetangga PRT d arab d kunci d rumah terus, emg gitu?",
        "tetangga sy dl d siksa d arab, sy jd takut brgkt",
        "i'm scared of being trafficked, what are the signs",
        "jari sy putus satu, msh bisa daftar korea?",
        "bekas luka bakar d tangan, bs jd caregiver?",
        "iqama sy ditahan kafil, sy mau pindah kerja tp gk bisa krn gk ada iqama, gmn caranya",
        "exit re-entry sy ditahan majikan, katanya baru dikasih kalau udh ada pengganti. boleh?",
        "calo ngancem bakal viralin sy di fb klo gk bayar utang 3jt, itu bisa dilaporin gk",
        "sy magang di jepang, perusahaan ngancam klo sy pindah, visa sy dicabut. bener gk?",
        "sponsor ngancem ambil sertifikat tanah ortu sy yg dijadiin jaminan klo sy gk berangkat",
        "ortu sy diancem sama PT, katanya sy bakal dituntut klo batal",
        "kapten gk kasi turun motor sy dari kapal, gmn ngurusnya",
        "bukan dikurung kok, cuma aturan asrama jam 10 malem",
    )
    assert_danger(
        "majikan ngancam kalau sy gk nurut, sy dibunuh",
        "majikan ngancam mau bunuh sy klo sy kabur",
    )


def test_fears_notices_and_a_wish_to_report_are_not_read_as_danger_by_the_model() -> None:
    """The plea model alone took these for danger (testers of first questions and of the
    forms, stop 65)."""
    for text in (
        "takut d lecehkan majikan laki2, ada perlindungan gk?",
        "sy d malaysia mau berhenti, tp kata majikan gk boleh pulang sebelum ada pengganti, harus "
        "nunggu 1 bulan. bener gk aturannya",
        "tolong sy mau lapor",
        "anak sy gk dikurung, cuma gk boleh keluar asrama malem2",
    ):
        assert read_danger(text) is None, text
