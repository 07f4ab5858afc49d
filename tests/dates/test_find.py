"""find_dates on Persian and Arabic snippets: one reading per test."""

from __future__ import annotations

from datetime import date

from khabar.dates import find_dates
from tests.dates.helpers import analysis, only

THU = date(2024, 3, 14)
SAT = date(2022, 2, 26)


def one(text: str, lang: str, pub: date | None) -> tuple[str, str, date | None]:
    """(text, kind, value) of the single expression of a snippet."""
    d = only(find_dates(analysis(text, lang, pub)))
    return d.text, d.kind, d.value


def test_ar_today_is_anchor() -> None:
    assert one("بحث الرئيسان خلال اتصال هاتفي اليوم الوضع في المنطقة.", "ar", THU) == ("اليوم", "today", THU)


def test_fa_today_with_weekday_is_anchor() -> None:
    assert one("سخنگوی کرملین امروز شنبه اعلام کرد.", "fa", SAT) == ("امروز شنبه", "today", SAT)


def test_ar_today_with_other_weekday_is_still_anchor() -> None:
    assert one("أجرى الرئيسان مكالمة اليوم الجمعة.", "ar", THU)[2] == THU


def test_fa_ruz_e_gozashte_is_yesterday() -> None:
    assert one("منابع خبری روز گذشته خبر دادند.", "fa", SAT) == ("روز گذشته", "yesterday", date(2022, 2, 25))


def test_fa_diruz_is_yesterday() -> None:
    assert one("دیروز با او گفت‌وگو کردیم.", "fa", SAT)[1:] == ("yesterday", date(2022, 2, 25))


def test_ar_ams_with_proclitic_is_yesterday() -> None:
    assert one("وكان الوزير قد وصل بالأمس إلى بغداد.", "ar", THU) == ("الأمس", "yesterday", date(2024, 3, 13))


def test_ar_last_night_is_yesterday() -> None:
    assert one("قصفت الطائرات المدينة الليلة الماضية.", "ar", THU)[2] == date(2024, 3, 13)


def test_ar_bare_weekday_before_anchor() -> None:
    assert one("وأوضحت الوزارة في بيان، الأربعاء، أن الجانبين بحثا الأزمة.", "ar", THU)[2] == date(2024, 3, 13)


def test_ar_bare_weekday_same_as_anchor_is_anchor() -> None:
    assert one("التقى الوزيران الخميس في أنقرة.", "ar", THU)[2] == THU


def test_ar_last_weekday_strictly_before() -> None:
    assert one("التقى الوزيران الخميس الماضي في أنقرة.", "ar", THU) == ("الخميس الماضي", "weekday", date(2024, 3, 7))


def test_fa_last_weekday_strictly_before() -> None:
    assert one("دو وزیر شنبه گذشته دیدار کردند.", "fa", SAT)[2] == date(2022, 2, 19)


def test_ar_next_weekday_after_anchor() -> None:
    assert one("يلتقي الوزيران الخميس المقبل.", "ar", THU)[2] == date(2024, 3, 21)


def test_fa_next_weekday_after_anchor() -> None:
    assert one("دو وزیر دوشنبه آینده دیدار می‌کنند.", "fa", SAT)[2] == date(2022, 2, 28)


def test_fa_part_of_day_with_weekday() -> None:
    assert one("کرملین عصر شنبه در بیانیه‌ای اعلام کرد.", "fa", SAT) == ("عصر شنبه", "weekday", SAT)


def test_fa_bamdad_with_weekday() -> None:
    assert one("پوتین بامداد پنجشنبه سخنرانی کرد.", "fa", SAT)[2] == date(2022, 2, 24)


def test_ar_yawm_with_weekday() -> None:
    assert one("وصل الوفد يوم الخميس إلى القاهرة.", "ar", THU) == ("يوم الخميس", "weekday", THU)


def test_ar_sabah_with_weekday() -> None:
    assert one("انفجرت سيارة صباح الثلاثاء في بغداد.", "ar", THU)[2] == date(2024, 3, 12)


def test_fa_dual_date_is_one_expression() -> None:
    text = "پوتین دوشنبه ۲۱ فوریه/۲ اسفندماه اعلام کرد."
    assert one(text, "fa", SAT) == ("دوشنبه ۲۱ فوریه/۲ اسفندماه", "dual", date(2022, 2, 21))


def test_fa_dual_date_without_anchor_or_year_is_none() -> None:
    assert one("پوتین دوشنبه ۲۱ فوریه/۲ اسفندماه اعلام کرد.", "fa", None)[1:] == ("dual", None)


def test_fa_spaced_month_word() -> None:
    assert one("پوتین ۵ اسفند ماه سخنرانی کرد.", "fa", SAT) == ("۵ اسفند ماه", "solar_hijri", date(2022, 2, 24))


def test_fa_solar_hijri_with_year() -> None:
    assert one("این دیدار ۴ شهریور ۱۴۰۲ برگزار شد.", "fa", None)[1:] == ("solar_hijri", date(2023, 8, 26))


def test_fa_gregorian_persian_digits() -> None:
    assert one("نشست در ۲۱ فوریه ۲۰۲۲ برگزار شد.", "fa", None)[2] == date(2022, 2, 21)


def test_ar_gregorian_with_year() -> None:
    assert one("وقع الهجوم في 21 فبراير 2022 قرب الحدود.", "ar", None)[2] == date(2022, 2, 21)


def test_ar_two_month_names() -> None:
    assert one("وصل الوفد في 14 آذار/مارس إلى دمشق.", "ar", THU)[:3] == ("14 آذار/مارس", "gregorian", THU)


def test_ar_english_ordinal_date() -> None:
    assert one("تاريخ النشر: 26th, September 2023 GMT", "ar", None)[1:] == ("gregorian", date(2023, 9, 26))


def test_ar_hijri_date() -> None:
    assert one("وقع ذلك في 15 رمضان 1445 هـ في مكة.", "ar", None)[1:] == ("hijri", date(2024, 3, 25))


def test_ar_hijri_gregorian_dual() -> None:
    d = one("يوم الخميس 4 رمضان 1445 الموافق 14 مارس 2024 عقد الاجتماع.", "ar", None)
    assert d[1:] == ("dual", THU)


def test_yearless_date_after_anchor_is_last_year() -> None:
    assert one("وقع الهجوم في 20 ديسمبر في المدينة.", "ar", THU)[2] == date(2023, 12, 20)


def test_yearless_date_without_anchor_is_none() -> None:
    assert one("وقع الهجوم في 20 ديسمبر في المدينة.", "ar", None)[2] is None


def test_weekday_with_explicit_date_the_date_wins() -> None:
    assert one("التقى الوزيران الأحد 3 مارس 2024 في أنقرة.", "ar", THU)[2] == date(2024, 3, 3)


def test_impossible_day_is_none() -> None:
    assert one("وقع الهجوم في 31 فبراير 2022.", "ar", None)[2] is None


def test_ar_month_only() -> None:
    assert one("بدأت المحادثات في يوليو الماضي.", "ar", THU)[:3] == ("في يوليو", "month", None)


def test_fa_year_only() -> None:
    assert one("آذربایجان در سال ۲۰۲۰ این منطقه را پس گرفت.", "fa", SAT) == ("سال ۲۰۲۰", "year", None)


def test_ar_election_year_is_not_a_day() -> None:
    assert one("على فوزه بسباق الانتخابات الرئاسية 2024 أمام هاريس.", "ar", THU) == ("2024", "year", None)


def test_counts_are_not_dates() -> None:
    assert find_dates(analysis("عمل المنصة الاستشارية الإقليمية (3 + 3) وتبادل 1000 أسير.", "ar", THU)) == []


def test_fa_counts_are_not_dates() -> None:
    assert find_dates(analysis("۱۲ نفر در این حادثه کشته و ۳۴ نفر زخمی شدند.", "fa", SAT)) == []


def test_numeric_solar_hijri_date() -> None:
    assert one("این نامه در تاریخ ۱۴۰۲/۰۶/۰۴ ارسال شد.", "fa", None)[1:] == ("solar_hijri", date(2023, 8, 26))


def test_numeric_day_first_gregorian() -> None:
    assert one("صدر القرار بتاريخ 14/3/2024 عن المحكمة.", "ar", None)[1:] == ("gregorian", THU)


def test_ar_name_rajab_is_not_a_month() -> None:
    assert find_dates(analysis("اتصل الرئيس رجب طيب أردوغان بنظيره.", "ar", THU)) == []


def test_fa_mehr_agency_is_not_a_month() -> None:
    assert find_dates(analysis("به گزارش خبرگزاری مهر، وزیر سخن گفت.", "fa", SAT)) == []


def test_glued_story_without_anchor_is_none() -> None:
    a = analysis("بحث الوزيران الأربعاء الأزمة.", "ar", THU, second="توصلت أوكرانيا وروسيا، الجمعة، إلى اتفاق.")
    found = find_dates(a)
    assert [(d.text, d.value, d.sentence) for d in found] == [("الأربعاء", date(2024, 3, 13), 0), ("الجمعة", None, 1)]


def test_glued_story_uses_its_own_anchor() -> None:
    second = "توصل الطرفان الجمعة إلى اتفاق."
    a = analysis("بحث الوزيران الأربعاء الأزمة.", "ar", THU, second=second, second_pub=date(2025, 5, 17))
    assert find_dates(a)[1].value == date(2025, 5, 16)


def test_offsets_point_into_raw_text_with_diacritics_and_zwnj() -> None:
    text = "وصل الوزیر يومَ الأربعاءِ إلى پایتخت. پنج‌شنبه‌ گذشته"
    for d in find_dates(analysis(text, "ar", THU)):
        assert text[d.start : d.end] == d.text
    assert find_dates(analysis(text, "ar", THU))[0].text == "يومَ الأربعاءِ"


def test_weekday_picks_the_year_of_a_yearless_date() -> None:
    # 6 Mordad 1402 (2023-07-28) is the Friday after a Tuesday publication; 1401's is a Thursday.
    assert one("این فیلم جمعه ۶ مردادماه پخش می‌شود.", "fa", date(2023, 7, 25))[2] == date(2023, 7, 28)


def test_yearless_date_without_agreeing_weekday_is_latest_before() -> None:
    assert one("این فیلم ۶ مردادماه پخش شد.", "fa", date(2023, 7, 25))[2] == date(2022, 7, 28)


def test_ambiguous_month_with_its_unambiguous_twin() -> None:
    assert one("وتدخل الأمريكيون في الحرب في تموز / يوليو 1950 الى جانب كوريا.", "ar", None)[1] == "month"


def test_bracketed_second_month_name_and_year_after_filler() -> None:
    d = one("بدأ الهجوم في 6 أغسطس (آب) من عام 2014 على المدينة.", "ar", THU)
    assert d == ("6 أغسطس (آب) من عام 2014", "gregorian", date(2014, 8, 6))


def test_friday_prayer_is_not_a_date() -> None:
    assert find_dates(analysis("خطیب نماز جمعه تهران گفت.", "fa", SAT)) == []


def test_next_year_after_yearless_date() -> None:
    d = one("مسابقات از ۲۱ اردیبهشت سال آینده برگزار می‌شود.", "fa", date(2008, 2, 16))
    assert d == ("۲۱ اردیبهشت سال آینده", "solar_hijri", date(2008, 5, 10))


def test_last_year_after_yearless_date() -> None:
    assert one("وقع الهجوم في 5 مارس العام الماضي.", "ar", THU)[2] == date(2023, 3, 5)


def test_persian_ordinal_day() -> None:
    assert one("بازی روز جمعه سوم شهریور برگزار می‌شود.", "fa", date(2023, 8, 23))[2] == date(2023, 8, 25)


def test_three_digit_number_after_month_is_not_a_year() -> None:
    assert one("در شهریور 286 هزار نفر در امتحانات شرکت کردند.", "fa", None)[1] == "month"


def test_year_after_a_cue_takes_the_cue() -> None:
    assert one("انضم إلى الفريق في 2016 بعد موسم جيد.", "ar", THU) == ("في 2016", "year", None)


def test_dual_prefers_the_printed_gregorian_day() -> None:
    d = one("ارتفع السهم في 19 شوال 1436، الموافق للثالث من أغسطس 2015 بعد الإعلان.", "ar", None)
    assert d == ("19 شوال 1436، الموافق للثالث من أغسطس 2015", "dual", date(2015, 8, 3))
