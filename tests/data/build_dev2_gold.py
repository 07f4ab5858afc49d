#!/usr/bin/env python3
"""Writes dev2_gold.jsonl: hand annotations (GUIDELINES.md) of 20 corpus articles, evidence null."""
from __future__ import annotations

from pathlib import Path

from gold_runner import write_gold

P5 = ["USA", "GBR", "FRA", "RUS", "CHN", "DEU"]


def a(code: str, sector: str = "GOV", name: str | None = None) -> dict:
    """One actor."""
    return {"name": name, "code": code, "sector": sector}


def ev(event: str, actor: list, recipient: list | None = None, *, mode: str | None = None,
       date: str | None = None, aux: str | None = None, context: list | None = None) -> dict:
    """One gold event (evidence null: corpus text is not copied)."""
    return {"event": event, "mode": mode, "actor": actor, "recipient": recipient or [], "date": date,
            "aux": aux, "context": context or [], "location": None, "evidence": None}


DOCS: list[tuple[str, str, str | None, list[dict]]] = [
    # US forces raid a Ramadi hospital, detain staff; the hospital's deputy asks Iraqi officials to act.
    ("farsnews-0148", "fa", "2005-03-27", [
        ev("ASSAULT", [a("USA", "MIL")], [a("IRQ", "CVL")]),
        ev("COERCE", [a("USA", "MIL")], [a("IRQ", "CVL")], mode="arrest"),
        ev("REQUEST", [a("IRQ", "MED", "Ahmed Ibrahim")], [a("IRQ")]),
    ]),
    # Zakharova: Moscow asks for an inquiry; hopes the US will not arm rebels; warns; criticises; Lavrov-Zarif meeting
    # tomorrow.
    ("farsnews-0234", "fa", "2016-10-27", [
        ev("REQUEST", [a("RUS", "GOV", "Maria Zakharova")], []),
        ev("REQUEST", [a("RUS", "GOV", "Maria Zakharova")], [a("USA")]),
        ev("THREATEN", [a("RUS", "GOV", "Maria Zakharova")], [a("USA")]),
        ev("ACCUSE", [a("RUS", "GOV", "Maria Zakharova")], [a("USA")], mode="disapprove"),
        ev("AGREE", [a("RUS", "GOV", "Sergey Lavrov")], [a("IRN", "GOV", "Mohammad Javad Zarif")], aux="future"),
    ]),
    # Putin to visit China tomorrow and meet Ban Ki-moon there.
    ("farsnews-0353", "fa", "2014-05-19", [
        ev("AGREE", [a("RUS", "GOV", "Vladimir Putin")], [a("UNO", "GOV", "Ban Ki-moon")], aux="future"),
        ev("AGREE", [a("RUS", "GOV", "Vladimir Putin")], [a("CHN")], aux="future"),
    ]),
    # Mauritania and Saudi defence officials sign a military cooperation accord; the Saudi visited last Tuesday.
    ("farsnews-0502", "fa", "2017-01-06", [
        ev("SUPPORT", [a("MRT"), a("SAU")], []),
        ev("CONSULT", [a("SAU", "GOV", "Mohammed bin Abdullah Al-Aish")], [a("MRT")], mode="visit", date="2017-01-03"),
    ]),
    # Marivan governor: Iraqi (PUK) officials visited Wednesday and Tuesday; Talabani ordered border forces
    # reinforced; arrests.
    ("farsnews-0841", "fa", "2005-08-18", [
        ev("ACCUSE", [a("IRQ", "GOV", "Jalal Talabani")], [a("IRN", "OPP")], mode="disapprove"),
        ev("CONSULT", [a("IRQ")], [a("IRN")], mode="visit", date="2005-08-17"),
        ev("CONSULT", [a("IRQ")], [a("IRN")], mode="visit", date="2005-08-16"),
        ev("MOBILIZE", [a("IRQ", "GOV", "Jalal Talabani")], []),
        ev("COERCE", [a("IRQ")], [], mode="arrest"),
    ]),
    # Trump: Iran asked to lift sanctions for a meeting, he said no; US push for a meeting refused by Iran;
    # conditional talks.
    ("farsnews-1133", "fa", "2019-09-27", [
        ev("REQUEST", [a("IRN")], [a("USA", "GOV", "Donald Trump")]),
        ev("REJECT", [a("USA", "GOV", "Donald Trump")], [a("IRN")]),
        ev("AGREE", [a("USA")], [a("IRN")]),
        ev("REJECT", [a("IRN")], [a("USA")]),
        ev("AGREE", [a("IRN")], [a("USA")], aux="hypothetical"),
    ]),
    # Salehi meets the Kazakh energy minister in Vienna today (Sunday).
    ("farsnews-1246", "fa", "2015-09-13", [
        ev("CONSULT", [a("IRN", "GOV", "Ali Akbar Salehi")], [a("KAZ", "GOV")], date="2015-09-13"),
    ]),
    # Ban meets the Ukrainian opposition leader this morning; Munich meetings to come (Lavrov, Kerry, McCain, Ashton,
    # Germany).
    ("farsnews-1292", "fa", "2014-02-01", [
        ev("CONSULT", [a("UNO", "GOV", "Ban Ki-moon")], [a("UKR", "OPP")], date="2014-02-01"),
        ev("AGREE", [a("UKR", "GOV", "Leonid Kozhara")], [a("RUS", "GOV", "Sergey Lavrov")], aux="future"),
        ev("AGREE", [a("UKR", "GOV", "Leonid Kozhara")], [a("USA", "GOV", "John Kerry")], aux="future"),
        ev("AGREE", [a("UKR", "OPP")], [a("EUR", "GOV", "Catherine Ashton")], aux="future"),
        ev("AGREE", [a("UKR", "OPP")], [a("DEU")], aux="future"),
    ]),
    # Two Iraqi armed groups ask the US Congress to propose talks; accuse Washington.
    ("farsnews-1345", "fa", "2005-07-05", [
        ev("REQUEST", [a("IRQ", "REB")], [a("USA", "LEG")]),
        ev("ACCUSE", [a("IRQ", "REB")], [a("USA")], mode="disapprove"),
    ]),
    # Qalibaf meets the Algerian speaker today; the guest thanks Iran.
    ("farsnews2023-0086", "fa", "2023-08-21", [
        ev("CONSULT", [a("IRN", "LEG", "Mohammad Bagher Ghalibaf")], [a("DZA", "LEG", "Ibrahim Boughali")],
           date="2023-08-21"),
        ev("SUPPORT", [a("DZA", "LEG", "Ibrahim Boughali")], [a("IRN")]),
    ]),
    # Bombing of an Iranian Kurdish opposition office, perpetrator unknown: no event with identifiable actors.
    ("bbcar-38388950", "ar", None, []),
    # Shoukry meets the US envoy; conditions on Qatar; the boycott; US backs Kuwaiti mediation; past US-Qatar deal,
    # Trump visit.
    ("bbcar-40897900", "ar", None, [
        ev("CONSULT", [a("EGY", "GOV", "Sameh Shoukry")], [a("USA", "GOV", "Anthony Zinni")]),
        ev("AGREE", [a("EGY"), a("SAU"), a("ARE"), a("BHR")], [a("QAT")], aux="hypothetical"),
        ev("REQUEST", [a("EGY", "GOV", "Sameh Shoukry")], [a("QAT")]),
        ev("SANCTION", [a("EGY"), a("SAU"), a("ARE"), a("BHR")], [a("QAT")], mode="sever"),
        ev("ACCUSE", [a("EGY"), a("SAU"), a("ARE"), a("BHR")], [a("QAT")], mode="disapprove"),
        ev("ACCUSE", [a("EGY", "GOV", "Sameh Shoukry")], [a("QAT")], mode="disapprove"),
        ev("SUPPORT", [a("USA")], [a("KWT")]),
        ev("AGREE", [a("USA")], [a("QAT")]),
        ev("CONSULT", [a("USA", "GOV", "Donald Trump")], [a("SAU")], mode="visit"),
    ]),
    # US expels diplomats and sanctions (one SANCTION: PLOVER has no REDUCE); Obama blames Russia; threat; Trump
    # objects.
    ("bbcar-38464543", "ar", None, [
        ev("SANCTION", [a("USA")], [a("RUS")]),
        ev("ACCUSE", [a("USA", "GOV", "Barack Obama")], [a("RUS")], mode="disapprove"),
        ev("THREATEN", [a("USA")], [a("RUS")]),
        ev("ACCUSE", [a("USA", "GOV", "Donald Trump")], [a("USA")], mode="disapprove"),
    ]),
    # Trump warns North Korea, prefers diplomacy, praises Xi; China warned Pyongyang of sanctions.
    ("bbcar-39741418", "ar", None, [
        ev("THREATEN", [a("USA", "GOV", "Donald Trump")], [a("PRK")]),
        ev("AGREE", [a("USA", "GOV", "Donald Trump")], [a("PRK")]),
        ev("SUPPORT", [a("USA", "GOV", "Donald Trump")], [a("CHN", "GOV", "Xi Jinping")]),
        ev("THREATEN", [a("CHN")], [a("PRK")]),
    ]),
    # UNSC endorses the nuclear deal (reached last week by Iran and the six powers); IRGC chief rejects the resolution.
    ("saudinewsnet-00003", "ar", "2015-07-21", [
        ev("SUPPORT", [a("UNO")], []),
        ev("AGREE", [a("IRN")], [a(c) for c in P5]),
        ev("REJECT", [a("IRN", "MIL", "Mohammad Ali Jafari")], [a("UNO")]),
    ]),
    # Obama rejects Congress members' demand; Kerry: we signed; an Iranian MP asks for the text.
    ("saudinewsnet-00007", "ar", "2015-07-21", [
        ev("REJECT", [a("USA", "GOV", "Barack Obama")], [a("USA", "LEG")]),
        ev("REQUEST", [a("USA", "LEG")], [a("USA", "GOV", "Barack Obama")]),
        ev("SUPPORT", [a("USA", "GOV", "John Kerry")], []),
        ev("REQUEST", [a("IRN", "LEG")], [a("IRN")]),
    ]),
    # Khamenei yesterday against the US; Rouhani's call with the Qatari emir; German minister to Tehran today; Kurz to
    # visit.
    ("saudinewsnet-00013", "ar", "2015-07-21", [
        ev("ACCUSE", [a("IRN", "GOV", "Ali Khamenei")], [a("USA")], mode="disapprove", date="2015-07-20"),
        ev("REJECT", [a("IRN", "GOV", "Ali Khamenei")], [a("USA")], date="2015-07-20"),
        ev("CONSULT", [a("IRN", "GOV", "Hassan Rouhani")], [a("QAT", "GOV", "Tamim bin Hamad Al Thani")], mode="phone"),
        ev("CONSULT", [a("DEU", "GOV", "Sigmar Gabriel")], [a("IRN")], mode="visit", date="2015-07-21"),
        ev("AGREE", [a("AUT", "GOV", "Sebastian Kurz")], [a("IRN")], aux="future"),
    ]),
    # US-Cuba relations restored; Kerry hosts Rodriguez today; Kerry visit to come; December 17 announcement.
    ("saudinewsnet-00040", "ar", "2015-07-21", [
        ev("COOPERATE", [a("USA"), a("CUB")], [], date="2015-07-20"),
        ev("AGREE", [a("USA", "GOV", "John Kerry")], [a("CUB")], aux="future"),
        ev("CONSULT", [a("CUB", "GOV", "Bruno Rodriguez")], [a("USA", "GOV", "John Kerry")], mode="visit",
           date="2015-07-21"),
        ev("AGREE", [a("USA")], [a("CUB")], date="2014-12-17"),
    ]),
    # IS suicide bombing in Suruc; Erdogan condemns; police tear-gas protesters yesterday.
    ("saudinewsnet-00044", "ar", "2015-07-21", [
        ev("ASSAULT", [a("IMG", "REB", "Islamic State")], [a("TUR", "CVL")], mode="suicide-attack"),
        ev("ACCUSE", [a("TUR", "GOV", "Recep Tayyip Erdogan")], [a("IMG", "REB", "Islamic State")], mode="disapprove"),
        ev("COERCE", [a("TUR", "COP")], [a("TUR", "CVL")], date="2015-07-20"),
        ev("PROTEST", [a("TUR", "CVL")], [], mode="demo", date="2015-07-20"),
    ]),
    # Iran and Germany plan a conference; Rouhani met Gabriel; P5+1 deal on 14 July; UNSC endorsed it.
    ("saudinewsnet-00616", "ar", "2015-07-21", [
        ev("AGREE", [a("IRN")], [a("DEU")]),
        ev("CONSULT", [a("IRN", "GOV", "Hassan Rouhani")], [a("DEU", "GOV", "Sigmar Gabriel")]),
        ev("AGREE", [a(c) for c in P5], [a("IRN")], date="2015-07-14"),
        ev("SUPPORT", [a("UNO")], []),
    ]),
]


def main() -> None:
    """Write the gold file next to this script."""
    write_gold(Path(__file__).with_name("dev2_gold.jsonl"), DOCS)


if __name__ == "__main__":
    main()
