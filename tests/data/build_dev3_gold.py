#!/usr/bin/env python3
"""Writes dev3_gold.jsonl: hand annotations (GUIDELINES.md) of 20 corpus articles, evidence null.

Selection rule (run with --candidates to print the seeded reading order; needs ../shared/corpus):
- corpora: 10 Persian articles from fa_farsnews_2023.jsonl, 10 Arabic ones from ar_bbc_2017.jsonl;
- drop ids in dev2_gold.jsonl and texts identical to an earlier record (the Farsi file repeats articles
  under several ids; the lowest id is kept);
- keep texts of at most 4,500 characters whose title + text (ZWNJ -> space, Arabic yeh/kaf -> Persian)
  contain at least MIN_HITS of the language's political/diplomatic keywords (KEYWORDS below);
- sort by id and shuffle with random.Random(SEED);
- read in that order and keep the first 10 per language whose main story reports an event between
  identifiable actors of which one is foreign (a call, visit, talks, agreement, statement aimed at a
  foreign actor), or an attack, arrest, sanction or protest; at most two articles on one story.

What the reading gave (fa, in order): 0062 kept; 0186 bank loans, 0007 0032 0014 0030 sport, 0217 fares,
0095 car imports skipped; 0044 0046 kept; 0085 cabinet orders, 0082 passports, 0040 sport skipped; 0129
kept; 0116 domestic, 0010 sport, 0192 trade statistics, 0107 fares skipped; 0187 kept; 0222 0205 0033 0193
skipped; 0093 kept; 0185 0171 0133 skipped; 0128 kept; 0075 0239 (pilgrim logistics) skipped; 0097 kept;
0048 skipped (third article on the Quran burning in Sweden); 0064 mosque day, 0071 0229 skipped; 0003 kept;
0020 sport skipped; 0182 kept. (ar): the first ten candidates all qualified and were kept.

The gold was written by reading the texts, before khabar was run on them.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from gold_runner import write_gold

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus"
SEED = 3
MAX_CHARS = 4500
FILES = {"fa": "fa_farsnews_2023.jsonl", "ar": "ar_bbc_2017.jsonl"}
MIN_HITS = {"fa": 2, "ar": 4}
KEYWORDS = {
    "fa": ["دیدار", "گفت و گو", "گفتگو", "تلفنی", "سفر", "مذاکره", "توافق", "محکوم", "درخواست", "تحریم", "حمله",
           "بازداشت", "دستگیر", "اعتراض", "تظاهرات", "وزیر امور خارجه", "وزیر خارجه", "سفیر", "رئیس جمهور",
           "همتای", "تفاهم", "امضا", "تروریست", "اتهام", "آمریکا", "روسیه", "عراق", "سوریه", "همکاری", "هشدار"],
    "ar": ["زيارة", "محادثات", "اتصال هاتفي", "مفاوضات", "اتفاق", "أدان", "إدانة", "طالب", "دعا", "عقوبات", "هجوم",
           "غارة", "اعتقال", "احتجاج", "مظاهرات", "وزير الخارجية", "الرئيس", "التقى", "حذر", "اتهم"],
}


def norm(text: str) -> str:
    """ZWNJ to space and Arabic yeh/kaf to their Persian forms (keyword matching only)."""
    return text.replace("\u200c", " ").replace("ي", "ی").replace("ك", "ک")


def candidates(lang: str) -> list[dict]:
    """The seeded reading order of one language's candidate records."""
    dev2 = {json.loads(line)["doc"] for line in (HERE / "dev2_gold.jsonl").open(encoding="utf-8") if line.strip()}
    with (CORPUS / FILES[lang]).open(encoding="utf-8") as fh:
        recs = sorted((json.loads(line) for line in fh if line.strip()), key=lambda r: r["id"])
    seen = {r["text"] for r in recs if r["id"] in dev2}
    keys = [norm(k) for k in KEYWORDS[lang]]
    out = []
    for rec in recs:
        if rec["id"] in dev2 or rec["text"] in seen:
            continue
        seen.add(rec["text"])
        text = norm(rec["title"] + " " + rec["text"])
        if len(rec["text"]) <= MAX_CHARS and sum(k in text for k in keys) >= MIN_HITS[lang]:
            out.append(rec)
    random.Random(SEED).shuffle(out)
    return out


def a(code: str, sector: str | None = "GOV", name: str | None = None) -> dict:
    """One actor."""
    return {"name": name, "code": code, "sector": sector}


def ev(event: str, actor: list, recipient: list | None = None, *, mode: str | None = None,
       date: str | None = None, aux: str | None = None, context: list | None = None,
       location: str | None = None) -> dict:
    """One gold event (evidence null: corpus text is not copied)."""
    return {"event": event, "mode": mode, "actor": actor, "recipient": recipient or [], "date": date,
            "aux": aux, "context": context or [], "location": location, "evidence": None}


RAISI = a("IRN", "GOV", "Ebrahim Raisi")
ESMAILI = a("IRN", "GOV", "Mohammad Mehdi Esmaili")
TRUMP = a("USA", "GOV", "Donald Trump")
OBAMA = a("USA", "GOV", "Barack Obama")
TILLERSON = a("USA", "GOV", "Rex Tillerson")
PUTIN = a("RUS", "GOV", "Vladimir Putin")
XI = a("CHN", "GOV", "Xi Jinping")
SESSIONS = a("USA", "GOV", "Jeff Sessions")
THAE = a("PRK", "OPP", "Thae Yong-ho")
IS = a("IMG", "REB", "Islamic State")

DOCS: list[tuple[str, str, str | None, list[dict]]] = [
    # Health ministry press conference: UN rapporteur's visit last year; next G5 health meeting in Mehr; Raisi's
    # offer at the SCO summit; Iran-Cuba joint commission this year; vaccines donated to Nicaragua.
    ("farsnews2023-0062", "fa", "2023-08-21", [
        ev("CONSULT", [a("UNO", "GOV")], [a("IRN")], mode="visit", context=["human_rights", "economic"]),
        ev("AGREE", [a("IRN", "GOV", "Iranian Ministry of Health")],
           [a("AFG"), a("PAK"), a("IRQ"), a("UNO", "MED", "World Health Organization")], aux="future",
           context=["disease"]),
        ev("AGREE", [RAISI], [a("IGO", "GOV", "Shanghai Cooperation Organisation")], context=["disease"]),
        ev("AGREE", [a("IRN", "GOV", "Iranian Ministry of Health")], [a("CUB")], aux="future",
           context=["diplomatic"]),
        ev("AID", [a("IRN", "GOV", "Iranian Ministry of Health")], [a("NIC")], mode="humanitarian",
           context=["disease"]),
    ]),
    # Environment official: Russia has sent word it is ready for more cooperation with Iran on the Caspian.
    ("farsnews2023-0044", "fa", "2023-08-21", [
        ev("AGREE", [a("RUS")], [a("IRN")], context=["enviro_disaster", "diplomatic"]),
    ]),
    # South Korean ambassador visits Urmia on Monday 30 Mordad; the provincial heritage chief asks for Korean
    # investors; the ambassador's praise and commemorative gift.
    ("farsnews2023-0046", "fa", "2023-08-21", [
        ev("CONSULT", [a("KOR", "GOV", "Yun Kang-hyeon")], [a("IRN", "GOV", "Morteza Safari")], mode="visit",
           date="2023-08-21", context=["culture"], location="Urmia"),
        ev("REQUEST", [a("IRN", "GOV", "Morteza Safari")], [a("KOR", "BUS")], context=["economic"]),
        ev("SUPPORT", [a("KOR", "GOV", "Yun Kang-hyeon")], [a("IRN")], context=["diplomatic", "culture"]),
    ]),
    # Esmaili opens an exhibition against the Quran burning: blames European governments, asked artists to act,
    # thanks them; last Thursday's church meeting where the religious minorities condemned the burning.
    ("farsnews2023-0129", "fa", "2023-07-26", [
        ev("ACCUSE", [ESMAILI], [a("EUR", "GOV")], mode="disapprove", context=["religion_ethnicity"]),
        ev("REQUEST", [ESMAILI], [a("IRN", "CVL")], context=["culture"]),
        ev("SUPPORT", [ESMAILI], [a("IRN", "CVL")], context=["culture"]),
        ev("CONSULT", [ESMAILI, a("IRN", "REL")], [], date="2023-07-20", context=["religion_ethnicity"]),
        ev("ACCUSE", [a("IRN", "REL")], [], mode="disapprove", date="2023-07-20",
           context=["religion_ethnicity"]),
    ]),
    # Al-Khaleej Online: Iran's recent offer to Gulf states to invest in its free zones, their stated interest;
    # the agreement signed with Oman.
    ("farsnews2023-0187", "fa", "2023-08-20", [
        ev("AGREE", [a("IRN")], [a("SAU"), a("ARE"), a("QAT")], context=["economic"]),
        ev("SUPPORT", [a("IRN"), a("OMN")], [], context=["economic"]),
    ]),
    # Photos of Khamenei's exile: a Pahlavi security commission sentenced him to three years' forced residence.
    ("farsnews2023-0093", "fa", "2023-08-03", [
        ev("COERCE", [a("IRN", "GOV")], [a("IRN", "OPP", "Ali Khamenei")], context=["political"],
           location="Iranshahr"),
    ]),
    # Esmaili's letter to ISESCO: condemns Sweden's permit, offers to host an extraordinary ministers' meeting,
    # asks ISESCO for an official stand.
    ("farsnews2023-0128", "fa", "2023-07-24", [
        ev("ACCUSE", [ESMAILI], [a("SWE")], mode="disapprove", context=["religion_ethnicity"]),
        ev("AGREE", [ESMAILI], [a("IGO", "GOV", "ISESCO")], context=["diplomatic", "culture"]),
        ev("REQUEST", [ESMAILI], [a("IGO", "GOV", "Salim AlMalik")], context=["diplomatic", "culture"]),
    ]),
    # Qalibaf meets the visiting Algerian speaker this morning (the talks follow the same day).
    ("farsnews2023-0097", "fa", "2023-08-21", [
        ev("CONSULT", [a("DZA", "LEG", "Ibrahim Boughali")], [a("IRN", "LEG", "Mohammad Bagher Ghalibaf")],
           mode="visit", date="2023-08-21", context=["diplomatic"], location="Tehran"),
    ]),
    # Fars analysis: US redeployment in Iraq, Nasrallah's charge that the US revives IS, US training of IS
    # fighters (reported), PMF deployment on the border, Russian jets kill HTS commanders.
    ("farsnews2023-0003", "fa", "2023-08-26", [
        ev("MOBILIZE", [a("USA", "MIL")], [], mode="troops", context=["military"]),
        ev("ACCUSE", [a("LBN", "PTY", "Hassan Nasrallah")], [a("USA")], mode="disapprove",
           context=["terrorism"]),
        ev("AID", [a("USA", "MIL")], [IS], mode="military", context=["military", "terrorism"]),
        ev("MOBILIZE", [a("IRQ", "PRM", "Popular Mobilization Forces")], [], mode="troops",
           context=["military"]),
        ev("ASSAULT", [a("RUS", "MIL")], [a("SYR", "REB", "Hayat Tahrir al-Sham")], context=["military"]),
    ]),
    # Frozen Iranian funds moved from South Korea to the Swiss central bank last week; the Iran-US deal
    # (prisoners for funds).
    ("farsnews2023-0182", "fa", "2023-08-21", [
        ev("RETREAT", [a("KOR")], [a("IRN")], mode="return", context=["economic"]),
        ev("AGREE", [a("IRN")], [a("USA")], context=["economic", "legal"]),
    ]),
    # Tillerson blames Russia for the Khan Sheikhoun chemical attack; US missile strike; Russia's 2013 guarantee;
    # Tillerson-Lavrov meeting this week; Western and rebel criticism of Moscow's account; Trump, Damascus, Moscow.
    ("bbcar-39550561", "ar", None, [
        ev("ACCUSE", [TILLERSON], [a("RUS")], mode="disapprove", context=["cbrn"]),
        ev("ASSAULT", [a("SYR")], [a("SYR", "CVL")], context=["cbrn", "military"], location="Khan Shaykhun"),
        ev("AGREE", [a("RUS")], [], context=["cbrn"]),
        ev("ASSAULT", [TRUMP], [a("SYR", "MIL")], context=["military"]),
        ev("ACCUSE", [a("RUS")], [a("USA")], mode="disapprove", context=["military"]),
        ev("AGREE", [TILLERSON], [a("RUS", "GOV", "Sergey Lavrov")], aux="future", context=["diplomatic"],
           location="Moscow"),
        ev("ACCUSE", [a("WST"), a("SYR", "REB")], [a("RUS")], mode="disapprove", context=["cbrn"]),
        ev("ACCUSE", [TRUMP], [a("SYR", "GOV", "Bashar al-Assad")], mode="disapprove", context=["cbrn"]),
        ev("ACCUSE", [a("SYR")], [a("USA")], mode="disapprove", context=["military"]),
    ]),
    # Press review: foreign officials at Rouhani's inauguration; Trump threatens the deal Obama signed; Rouhani
    # warns Washington off it; (Diana); a Hollywood producer in talks with Scaramucci.
    ("bbcar-40840861", "ar", None, [
        ev("CONSULT", [a("PRK"), a("CHN"), a("IND"), a("GBR"), a("EUR", "GOV", "Federica Mogherini")],
           [a("IRN", "GOV", "Hassan Rouhani")], mode="visit", context=["diplomatic"], location="Tehran"),
        ev("THREATEN", [TRUMP], [a("IRN")], context=["cbrn", "diplomatic"]),
        ev("SUPPORT", [OBAMA], [a("IRN")], context=["cbrn", "diplomatic"]),
        ev("REQUEST", [a("IRN", "GOV", "Hassan Rouhani")], [a("USA")], context=["cbrn", "diplomatic"]),
        ev("CONSULT", [a("USA", "ELI", "Anthony Scaramucci"), a("USA", "BUS")], [], context=["culture"]),
    ]),
    # Air strike on Qaim: the speaker condemns it, blames the government, asks for an inquiry; the command says its
    # jets hit IS and calls the civilian toll IS propaganda; an Anbar councillor blames Iraqi jets, asks for an inquiry.
    ("bbcar-38243070", "ar", None, [
        ev("ACCUSE", [a("IRQ", "LEG", "Salim al-Jabouri")], [a("IRQ")], mode="disapprove",
           context=["military"]),
        ev("REQUEST", [a("IRQ", "LEG", "Salim al-Jabouri")], [], context=["military"]),
        ev("ASSAULT", [a("IRQ", "MIL")], [IS], context=["military", "terrorism"], location="Al-Qa'im"),
        ev("ACCUSE", [a("IRQ", "MIL", "Joint Operations Command")], [IS], mode="disapprove",
           context=["terrorism"]),
        ev("ACCUSE", [a("IRQ", "GOV", "Eid Ammash")], [a("IRQ", "MIL")], mode="disapprove",
           context=["military"]),
        ev("REQUEST", [a("IRQ", "GOV", "Eid Ammash")], [], context=["military"]),
    ]),
    # Sessions met the Russian ambassador twice (September office visit, summer meeting); Pelosi and Democrats
    # want him out; intelligence, congressional and FBI inquiries into Russia; DOJ defends him; Flynn's contacts.
    ("bbcar-39138980", "ar", None, [
        ev("CONSULT", [a("USA", "LEG", "Jeff Sessions")], [a("RUS", "GOV", "Sergey Kislyak")], mode="visit",
           context=["election"]),
        ev("CONSULT", [a("USA", "LEG", "Jeff Sessions"), a("RUS", "GOV", "Sergey Kislyak")], [],
           context=["election"]),
        ev("ACCUSE", [a("USA", "LEG", "Nancy Pelosi")], [SESSIONS], mode="disapprove", context=["legal"]),
        ev("REQUEST", [a("USA", "LEG", "Nancy Pelosi")], [SESSIONS], mode="change", context=["government"]),
        ev("REQUEST", [a("USA", "LEG")], [SESSIONS], mode="change", context=["legal"]),
        ev("ACCUSE", [a("USA", "SPY")], [a("RUS")], mode="disapprove", context=["cyber", "election"]),
        ev("ACCUSE", [a("USA", "LEG")], [a("RUS")], mode="investigate", context=["election"]),
        ev("ACCUSE", [a("USA", "COP", "Federal Bureau of Investigation")], [a("RUS")], mode="investigate",
           context=["election"]),
        ev("REQUEST", [a("USA", "LEG", "Adam Schiff")], [SESSIONS], aux="hypothetical", context=["legal"]),
        ev("SUPPORT", [a("USA", "GOV", "Sarah Isgur Flores")], [SESSIONS], context=["legal"]),
        ev("CONSULT", [a("USA", "GOV", "Michael Flynn"), a("RUS", "GOV", "Sergey Kislyak")], [],
           context=["diplomatic"]),
    ]),
    # Obama: asked Putin to stop hacking and warned him at a September summit; October US accusation; vows a
    # response; urges Trump to back an inquiry; Trump vs the CIA; Clinton blames Putin, who blamed her in 2011.
    ("bbcar-38349608", "ar", None, [
        ev("REQUEST", [OBAMA], [PUTIN], mode="change", context=["cyber", "election"]),
        ev("THREATEN", [OBAMA], [PUTIN], context=["cyber"]),
        ev("CONSULT", [OBAMA, PUTIN], [], mode="multilateral", context=["diplomatic"]),
        ev("ACCUSE", [a("USA")], [a("RUS")], mode="disapprove", context=["cyber", "election"]),
        ev("THREATEN", [OBAMA], [a("RUS")], context=["cyber"]),
        ev("ACCUSE", [OBAMA], [a("USA", "PTY", "Republican Party")], mode="disapprove", context=["election"]),
        ev("REQUEST", [OBAMA], [TRUMP], context=["cyber"]),
        ev("ACCUSE", [TRUMP], [a("USA", "SPY", "Central Intelligence Agency")], mode="disapprove",
           context=["election"]),
        ev("ACCUSE", [a("USA", "SPY")], [a("RUS")], mode="disapprove", context=["cyber"]),
        ev("ACCUSE", [a("USA", "GOV", "White House")], [PUTIN], mode="disapprove", context=["cyber"]),
        ev("ACCUSE", [a("USA", "ELI", "Hillary Clinton")], [PUTIN], mode="disapprove", context=["election"]),
        ev("ACCUSE", [a("USA", "GOV", "Hillary Clinton")], [a("RUS")], mode="disapprove", context=["election"]),
        ev("ACCUSE", [PUTIN], [a("USA", "GOV", "Hillary Clinton")], mode="disapprove", context=["election"]),
    ]),
    # Trump: Qatar funds terrorism, must stop, Gulf states must do more; Tillerson asks Riyadh to ease the blockade,
    # Qatar to stop funding, praises the emir; UAE (Otaiba) welcomes Trump, blames and presses Qatar; Saudi list,
    # demands and blockade.
    ("bbcar-40223352", "ar", None, [
        ev("ACCUSE", [TRUMP], [a("QAT")], mode="disapprove", context=["terrorism"]),
        ev("REQUEST", [TRUMP], [], context=["terrorism"]),
        ev("REQUEST", [TRUMP], [a("QAT")], mode="change", context=["terrorism"]),
        ev("REQUEST", [TILLERSON], [a("SAU")], mode="yield", context=["humanitarian"]),
        ev("REQUEST", [TILLERSON], [a("QAT")], mode="change", context=["terrorism"]),
        ev("SUPPORT", [TILLERSON], [a("QAT", "GOV", "Tamim bin Hamad Al Thani")], context=["terrorism"]),
        ev("REQUEST", [a("ARE", "GOV", "Yousef Al Otaiba")], [a("QAT")], mode="change", context=["terrorism"]),
        ev("SUPPORT", [a("ARE", "GOV", "Yousef Al Otaiba")], [TRUMP], context=["diplomatic"]),
        ev("ACCUSE", [a("ARE", "GOV", "Yousef Al Otaiba")], [a("QAT")], mode="disapprove",
           context=["terrorism"]),
        ev("ACCUSE", [a("SAU")], [a("QAT", "REL", "Yusuf al-Qaradawi")], mode="disapprove",
           context=["terrorism"]),
        ev("REQUEST", [a("SAU")], [a("QAT")], mode="change", context=["diplomatic"]),
        ev("SANCTION", [a("SAU")], [a("QAT")], context=["economic", "diplomatic"]),
    ]),
    # North Korea test-fires a missile (and did, less than a week ago); Tillerson asked the world to help and
    # warned of force; Trump's tweet; THAAD deployed on Wednesday.
    ("bbcar-39753630", "ar", None, [
        ev("MOBILIZE", [a("PRK")], [], mode="weapons", context=["military"]),
        ev("THREATEN", [TILLERSON], [a("PRK")], context=["military", "cbrn"]),
        ev("REQUEST", [TILLERSON], [], context=["cbrn"]),
        ev("ACCUSE", [TRUMP], [a("PRK")], mode="disapprove", context=["military"]),
        ev("MOBILIZE", [a("PRK")], [], mode="weapons", context=["military"]),
        ev("MOBILIZE", [a("USA", "MIL")], [], mode="weapons", context=["military"], location="South Korea"),
    ]),
    # North Korean defector Thae talks to a South Korean MP; Pyongyang's insults; the NIS questioning; the order
    # he had to bribe a British official.
    ("bbcar-38370028", "ar", None, [
        ev("CONSULT", [a("KOR", "LEG", "Lee Cheol-woo")], [THAE], context=["political"]),
        ev("ACCUSE", [a("PRK")], [THAE], mode="disapprove", context=["political"]),
        ev("ACCUSE", [a("KOR", "SPY")], [THAE], mode="investigate", context=["intelligence"]),
        ev("REQUEST", [a("PRK")], [THAE], context=["intelligence"]),
    ]),
    # Pyongyang condemns the US strike on Shayrat; the chemical attack it answered; Kim-Assad pledge; Xi in Florida
    # (asked to rein in Pyongyang, agreed it is serious); last Wednesday's missile test; Trump will 'solve' it.
    ("bbcar-39539360", "ar", None, [
        ev("ACCUSE", [a("PRK", "GOV", "North Korean Foreign Ministry")], [a("USA")], mode="disapprove",
           context=["military"]),
        ev("ASSAULT", [a("USA", "MIL")], [a("SYR", "MIL")], context=["military"], location="Shayrat"),
        ev("ASSAULT", [a("SYR", "MIL")], [a("SYR", "CVL")], context=["cbrn"], location="Khan Shaykhun"),
        ev("ACCUSE", [a("USA")], [a("SYR")], mode="disapprove", context=["cbrn"]),
        ev("AGREE", [a("PRK", "GOV", "Kim Jong-un"), a("SYR", "GOV", "Bashar al-Assad")], [],
           context=["diplomatic"]),
        ev("CONSULT", [XI], [TRUMP], mode="visit", context=["diplomatic"], location="Florida"),
        ev("REQUEST", [TRUMP], [XI], context=["cbrn"]),
        ev("AGREE", [XI, TRUMP], [], context=["cbrn"]),
        ev("MOBILIZE", [a("PRK")], [], mode="weapons", context=["military"]),
        ev("THREATEN", [TRUMP], [a("PRK")], context=["cbrn"]),
    ]),
    # White House briefing for all senators next Wednesday (at McConnell's request, the House wants one too);
    # Trump-Xi call, Xi asks both sides for restraint; carrier group; Trump tells UNSC envoys to prepare sanctions;
    # Pyongyang threatens to sink the carrier, mocks it, vows more tests; the 16 April test.
    ("bbcar-39701291", "ar", None, [
        ev("AGREE", [a("USA", "GOV", "White House")], [a("USA", "LEG", "United States Senate")], aux="future",
           context=["cbrn"]),
        ev("REQUEST", [XI], [a("PRK"), a("USA")], mode="yield", context=["military"]),
        ev("CONSULT", [TRUMP, XI], [], mode="phone", context=["diplomatic"]),
        ev("ACCUSE", [TRUMP], [a("PRK")], mode="disapprove", context=["military"]),
        ev("REQUEST", [a("USA", "LEG", "Mitch McConnell")], [a("USA", "GOV", "White House")], mode="meet",
           context=["cbrn"]),
        ev("AGREE", [a("USA", "LEG", "United States House of Representatives")], [TRUMP], context=["cbrn"]),
        ev("MOBILIZE", [a("USA", "MIL")], [a("PRK")], mode="troops", context=["military"]),
        ev("CONSULT", [a("UNO", "GOV", "United Nations Security Council")], [TRUMP], mode="visit",
           context=["diplomatic"], location="Washington"),
        ev("REQUEST", [TRUMP], [a("UNO", "GOV", "United Nations Security Council")], context=["cbrn"]),
        ev("THREATEN", [a("PRK", "JRN")], [a("USA", "MIL")], context=["military"]),
        ev("ACCUSE", [a("PRK", "JRN", "Rodong Sinmun")], [a("USA", "MIL")], mode="disapprove",
           context=["military"]),
        ev("THREATEN", [a("PRK")], [], context=["military"]),
        ev("MOBILIZE", [a("PRK")], [], mode="weapons", context=["military"]),
    ]),
]


def main() -> None:
    """Write the gold file next to this script, or print the seeded candidate order."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--candidates", action="store_true", help="print the seeded reading order and exit")
    if ap.parse_args().candidates:
        for lang in FILES:
            for rec in candidates(lang):
                print(lang, rec["id"], len(rec["text"]), rec["title"][:80])
        return
    write_gold(HERE / "dev3_gold.jsonl", DOCS)


if __name__ == "__main__":
    main()
