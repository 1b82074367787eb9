"""An articles folder's page_rules.csv: its patterns apply, and none can hang the run.

A folder's patterns run on the ``regex`` engine with a time limit per line.  Anything that could hang runs in a
subprocess with a timeout, so a regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing.load.cleaning import RULE_TIME_LIMIT, _n_words, classify_lines, default_rules, load_rules
from framing.load.corpus import load_corpus

# 42 words in one paragraph: enough for a backtracking engine to need hours on a pathological pattern.
LONG_PARAGRAPH = (
    "The storm closed the coastal road on Monday, officials said, and the mayor told reporters that crews would "
    "work through the night and the weekend to clear the fallen trees and the mud from every lane of the road "
    "before the schools open again on Wednesday morning."
)
STORM_A = (f"Storm Closes the Coastal Road for Two Days\n\n{LONG_PARAGRAPH}\n\n"
           "Editor's pick: how to prepare for a storm\n\nShare this article\n")
STORM_B = (
    "Road Shut as Storm Batters the Coast\n\n"
    "The road was shut after a storm battered the coast on Monday.\n\n"
    "Officials expect to reopen it on Wednesday, a spokesman said.\n"
)
SUBPROCESS_TIMEOUT = 120  # seconds; a hanging pattern would run far longer


def make_folder(root: Path, rules: str) -> Path:
    folder = root / "event"
    folder.mkdir()
    (folder / "a.txt").write_text(STORM_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORM_B, encoding="utf-8")
    (folder / "articles.csv").write_text(
        "article_id,outlet,file,published,headline,url,language\n"
        "a,Coastal Herald,a.txt,2023-11-06,,,en\nb,Valley Courier,b.txt,2023-11-06,,,en\n",
        encoding="utf-8",
    )
    (folder / "page_rules.csv").write_text("outlet,pattern,role,reason\n" + rules, encoding="utf-8")
    return folder


def run_python(code: str, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=SUBPROCESS_TIMEOUT)
    return done, time.monotonic() - start


ROLES_OF = """
import json, sys
from framing.load.corpus import load_corpus
corpus = load_corpus(sys.argv[1])
print(json.dumps([[r.article_id, r.text, r.role, r.reason] for r in corpus.lines.itertuples() if r.text]))
"""
ANALYZE = "import sys; from framing.cli import main; sys.exit(main(sys.argv[1:]))"


def test_pathological_pattern_is_refused_through_the_command_line(tmp_path):
    # "a line ending in a year", written with the (.|\s)* idiom: each space matches both branches, so a
    # backtracking engine tries 2^n ways on a line of n words that does not end in a year.
    folder = make_folder(tmp_path, r",^(.|\s)*\d{4}$,byline,line ending in a year" + "\n")
    out = tmp_path / "out"
    done, seconds = run_python(ANALYZE, "analyze", str(folder), "--out", str(out))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"framing: error: {folder / 'page_rules.csv'}: row 2: pattern ")
    assert "catastrophic backtracking" in lines[0]
    assert r"rewrite it so that no repeated group can match the same text in two ways (e.g. .* instead of (.|\s)*)" \
        in lines[0]
    assert not out.exists()
    assert seconds < 60


def test_pathological_pattern_is_refused_when_loading(tmp_path):
    folder = make_folder(tmp_path, r"Coastal Herald,^(\w|\s|.)*\d$,chrome,line ending in a counter" + "\n")
    code = ("import sys\nfrom framing.load.corpus import load_corpus\n"
            "from framing.core.errors import FramingInputError\n"
            "try:\n    load_corpus(sys.argv[1])\nexcept FramingInputError as exc:\n    print(exc)\n")
    done, seconds = run_python(code, str(folder))
    assert done.returncode == 0, done.stderr
    message = done.stdout.strip()
    assert "\n" not in message
    assert message.startswith(f"{folder / 'page_rules.csv'}: row 2: pattern '")
    assert f"ran for more than {RULE_TIME_LIMIT:g} s on one line" in message
    assert seconds < 60


def test_nested_repetition_that_the_regex_engine_resolves_just_works(tmp_path):
    # ^(\w+\s?)*$ takes Python's re engine hours on a long line that ends in a full stop; the regex engine
    # answers at once, so the rule simply applies.
    folder = make_folder(tmp_path, r"Coastal Herald,^(\w+\s?)*$,chrome,line of bare words" + "\n")
    done, seconds = run_python(ROLES_OF, str(folder))
    assert done.returncode == 0, done.stderr
    roles = {(a, text): (role, reason) for a, text, role, reason in json.loads(done.stdout)}
    assert roles[("a", LONG_PARAGRAPH)][0] == "body"
    assert roles[("a", "Share this article")] == ("chrome", "line of bare words")
    assert roles[("b", "Road Shut as Storm Batters the Coast")][0] == "headline"  # another outlet: rule not used
    assert seconds < 60


def test_ordinary_folder_rule_still_applies(tmp_path):
    folder = make_folder(tmp_path, "Coastal Herald,^Editor's pick:,teaser,outlet's related-story label\n")
    corpus = load_corpus(folder)
    lines = corpus.lines.set_index("text")
    assert lines.loc["Editor's pick: how to prepare for a storm", "role"] == "teaser"
    assert lines.loc["Editor's pick: how to prepare for a storm", "reason"] == "outlet's related-story label"
    assert lines.loc[LONG_PARAGRAPH, "role"] == "body"
    (rule,) = load_rules([folder / "page_rules.csv"])
    assert (rule.source, rule.row, rule.time_limit) == (str(folder / "page_rules.csv"), 2, RULE_TIME_LIMIT)
    assert rule.matches("Editor's pick: a storm guide") and not rule.matches("The editor's pick: a guide")


def test_packaged_rules_run_on_the_standard_engine_without_a_time_limit():
    rules = default_rules()
    assert rules and all(isinstance(r.pattern, re.Pattern) and r.time_limit is None for r in rules)
    assert all(r.guarded is None for r in rules)
    raw = f"Storm Closes the Coastal Road for Two Days\n\n{LONG_PARAGRAPH}\n\nShare this article\n\n\u00a9 Reuters\n"
    start = time.perf_counter()
    roles = [ln.role for ln in classify_lines(raw, outlet="Coastal Herald", rules=rules) if ln.text]
    assert time.perf_counter() - start < 1.0
    assert roles == ["headline", "body", "chrome", "caption"]  # a credit after the last paragraph stays a credit


# --- the shipped rules, each with lines it must catch and article text it must leave alone ----------------------

#: reason of a shipped rule -> (furniture lines the rule must catch first, article lines no shipped rule may catch).
#: Written for these tests, modelled on how wire services, broadcasters, dailies and portals word their furniture.
RULE_EXAMPLES = {
    "legal footer (copyright notice or site terms)": (
        ["© 2024 Harbour Herald. All rights reserved.", "Copyright The Valley Courier 2024",
         "© The Evening Lamp 2025", "Terms of use | Privacy policy",
         "Protected by reCAPTCHA; Google's Privacy Policy and Terms of Service apply.",
         "Disclaimer: Views expressed by analysts quoted here are their own."],
        ["The company changed its privacy policy in March, the regulator said.",
         "Users who do not accept the terms of service cannot open an account, the bank said."],
    ),
    "skip link or link prompt (page navigation)": (
        ["Skip to main content", "Go to Contents Go to Navigation", "Click here to share on social media"],
        ["Rescue teams were told to skip the flooded road and go to the northern bridge."],
    ),
    "language switcher": (["TR | EN | AR | FR", "EN | DE"], ["EU | UK talks resume on fishing quotas"]),
    "audio player or reading time": (
        ["Listen to this article", "Audio version generated automatically", "3 min read", "4 mins"],
        ["Listeners to the station's morning show heard the minister apologise."],
    ),
    "photo credit (starts with ©)": (["© Provided by Continental Press", "© Lena Brandt / Agency"],
                                     ["Copies of the report were handed to reporters on Monday."]),
    "photo credit (© and a name after the caption)": (
        ["Presidential spokesman Pavel Orlov. © Ivan Sokolov/NORD-PRESS",
         "Protesters march in Valence on March 7, 2023. © Julien Morel, AFP"],
        ["The broadcaster holds the rights to the final, the league said."],
    ),
    "photo caption (ends with a photo credit)": (
        ["The main gate of the university. (Photo by Tidewater/Omar Feld)", "Engineers at a substation. (Photo: NMB)"],
        ["The minister declined to be photographed (she said she was tired)."],
    ),
    "photo credit": (["Photo: Kelsland Civil Protection", "FILE PHOTO. A navy frigate sails in the Varn Sea.",
                      "Photos by Lars Berg"],
                     ["Photos of the damaged bridge spread quickly online, officials said."]),
    "file photo caption": (["File photo of the Orsa dam", "File picture, May 2023"],
                           ["File photos released by the ministry showed the bridge intact."]),
    "photo caption (ends with a credit such as 'Photo: Agency')": (
        ["Xeron's premier meets farmers in Tarvo on Tuesday. Photo: New Star",
         "The skyline shrouded in haze on Sept 19. PHOTO: ST FILE",
         "Rescue workers at the quarry borderImage: Jan Weber/picture alliance",
         "Carrow Area Hospital. Picture by Ciaran Doyle/Lagan Press"],
        ["The ministry released a photo: it showed the damaged bridge.",
         "Photographs taken by residents were used in court, the judge said."],
    ),
    "photo caption (ends with a bracketed credit such as '(Agency/Name)')": (
        ["Varga shakes hands with Han in Tarvo on Sept. 12. (New Star/Li Wen)",
         "Firefighters at the power station in Vell. (State Emergency Service / Telegram)"],
        ["The deal covers wheat and barley (and maize in some years)."],
    ),
    "photo caption (ends with a bracketed credit such as '(Name - Agency)')": (
        ["Rescue workers check a damaged building. ( Kerem Aslan - Anka Agency )"],
        ["The vote was close (31 - 18) and ended after midnight."],
    ),
    "photo caption (ends with a bracketed credit such as '(Agency Photo)')": (
        ["Rescue workers at the site of the collision. (PAV Photo)",
         "Massera said the measures were agreed with the lenders (Pic: Platina)",
         "Firefighters battle the blaze near Marla on Monday.(Supplied: Rural Fire Service)"],
        ["Rescue workers reached the site within an hour (officials said 40 minutes)."],
    ),
    "photo caption (ends with '(pictured)' or '(file image)')": (
        ["Mango the red panda was found in a tree (pictured)", "The gap in the enclosure fence (file image)"],
        ["The keeper (pictured with Mango last year) said he was delighted."],
    ),
    "photo caption (agency photo notice)": (
        ["This file photo shows a launcher at an undisclosed location. (PHOTO NOT FOR SALE) (Hanseong)",
         "This photo, provided by the coast guard, shows the ferry before it sailed"],
        ["This photo exhibition shows how the port changed, the curator said."],
    ),
    "photo caption (bracketed credit such as '[Name/Agency]')": (
        ["Aid trucks wait at the crossing on May 14, 2023 [Yusuf Haddad/Gulf Channel]",
         "A child waits for food at a distribution point [Reuters]", "[File Image] Tembe Dam"],
        ["The ministry said the figures [for 2022] were provisional."],
    ),
    "photo caption (ends with a dash and a credit such as '— Agency')": (
        ["The finance minister presents the budget on Friday. — APP",
         "Members protest during the speech. — Photo courtesy NA Twitter"],
        ["Talks will be 'constructive' – Kremlin aide", "The strike ended on Friday - two days early."],
    ),
    "photo caption (ends with '| Credit')": (
        ["A patrol boat searches the waters off Naru Island on Monday. | KYOSEI PRESS"],
        ["The port reopened on Monday. | read more"],
    ),
    "photo credit such as 'AGENCY/Name' (after the caption or on its own)": (
        ["The central bank in Tarvo, March 2, 2023. MERIDIAN/Anna Lo", "REUTERS/Carlos Lund",
         "Sam Holt, chief executive of the firm. Justin Barr/Getty Images"],
        ["The river is shared by both countries under the 1987 treaty.", "SCI/TECH", "Israel/Palestine"],
    ),
    "photo credit such as 'Name for The Outlet'": (
        ["Senators leave the chamber after the vote on Tuesday night.Elena Ruiz for The Capitol Ledger"],
        ["The senator said she would vote for the bill."],
    ),
    "photo caption (ends with 'PHOTO FROM ...')": (
        ["FLOODED Residents wade through a flooded street. PHOTO FROM SAN ISIDRO MDRRMO",
         "Volunteers at the shelter, photo courtesy of the Red Cross"],
        ["The photo from the scene was shared widely, police said."],
    ),
    "photo caption (ends with an agency credit)": (
        ["Lavrov speaks in Tehran, June 1. AFP", "Crowds in the square Reuters"],
        ["The minister spoke to Reuters."],
    ),
    "image caption stamped with a site name and a date": (
        ["The foreign minister in Tehran. - Sputnik International, 1920, 01.06.2021"],
        ["The talks were held on 01.06.2021 in Tehran, the ministry said."],
    ),
    "byline (By + a name)": (
        ["By Hanna Lindqvist", "By GRETA SOLBERG and DAVID OKAFOR", "By EMILY CARTER FOR BEACON ONLINE",
         "By: Ramon Dizon - Reporter / @RamonDizonINQ",
         "By ZHOU LIN in Haizhou | Daily East | Updated: 2023-04-18 09:12",
         "by Marta Koval"],
        ["By midday at least nine ships were anchored outside the harbour.", "By Tuesday the port was closed"],
    ),
    "reporting credits": (
        ["Reporting by Hanna Lindqvist in Pellin; Editing by Mark Daly",
         "(Reporting by Nadia Keller; Editing by Tom Aske)",
         "Reported by: Press Association of Varsha | Edited by: Nikhil Rao", "Reporting from Ashford"],
        ["Reporting of the results was delayed by a power cut, officials said."],
    ),
    "credit line (source, editor or reporter)": (
        ["Source: New Star| 2023-09-12 21:40:15|Editor: Zhang Rui", "[Editor: ZR]", "Reporter: Thabo Nkosi",
         "Source: Gulf Channel and news agencies"],
        ["Source: the ministry's figures show a rise of 4%.", "Editors at the paper said they stood by the story."],
    ),
    "contributor credit": (["Continental Press writer Mira Kovac in Brenna contributed to this report."],
                           ["Officials said the new data contributed to the report's conclusions."]),
    "agency signature (editors' initials or '(Outlet with agencies)')": (
        ["kb/rt (dpa, Reuters)", "(FR24 with AFP and Reuters)", "dj/sms"],
        ["(The ministry with the union said talks would resume.)"],
    ),
    "print edition note": (["Published in Evening Dispatch, June 10th, 2023"],
                           ["Published in March, the report found that waiting lists had doubled."]),
    "reporter's e-mail address": (["minji@hanseong.example"],
                                  ["Residents can write to help@council.example for advice, the council said."]),
    "newsletter or sign-up promotion": (
        ["Sign up to Morning Chronicle, our free daily newsletter", "Sign up for our Morning Ledger newsletter.",
         "Want the latest headlines straight to your inbox? Sign up here for our free daily newsletter."],
        ["The union's newsletter told members the strike would go ahead.",
         "Farmers who receive the ministry's weekly newsletter were warned of frost.",
         '"Sign up for our newsletter," the scam message said, police told residents.'],
    ),
    "newsletter promotion ('our ... newsletter')": (
        ["Our morning email breaks down the day's main stories", "Read it first in our Weekly Digest"],
        ["The mayor told our reporter in an email that the road would reopen."],
    ),
    "newsletter promotion ('delivered to your inbox')": (
        ["Top stories, delivered to your phone every evening.", "The news you need, sent straight to you."],
        ["Aid was delivered to the northern villages on Tuesday."],
    ),
    "subscription or membership promotion": (
        ["Subscribe to ISLAND PLUS for the full digital edition on up to five devices. Call 800 1234.",
         "By entering your email you accept our Terms of Use and Privacy Policy.", "Become a member"],
        ["Subscribers to the service will pay more from May, the company said."],
    ),
    "reader-support appeal": (
        ["Independent reporting from the ground costs money. If you value it, please become a member.",
         "When rumours spread faster than facts, careful reporting matters more than ever.",
         "Your subscription helps us keep reporting."],
        ["The award honours independent journalism in the region, organisers said."],
    ),
    "site promotion ('get the latest news ...')": (
        ["Catch the latest news from India and the world live on Bharat Bulletin."],
        ["The latest news from the front reached the capital on Monday."],
    ),
    "follow-us or join-our-channel line": (
        ["Follow NORD-PRESS on Telegram for the latest news", "Join our WhatsApp channel for the latest news.",
         "watch us on facebook", "Get breaking news alerts from us on Telegram: join our channel.",
         "Follow the SBC News channel on WhatsApp"],
        ["Residents were told to follow updates on the council's Facebook page.",
         "Thousands follow Mayor Ruiz on X.", "Police said the suspects used a Telegram channel to recruit followers."],
    ),
    "app promotion": (
        ["Never miss a story: get the Island Daily Inquirer app.", "Download the SBC News app",
         "Stay informed wherever you are: download the FR24 app"],
        ["Residents were urged to download the flood warning app before the weekend."],
    ),
    "comment form or comment widget": (
        ["Your email address will not be published. Required fields are marked *", "Leave a Reply Cancel reply",
         "Comments are closed.", "Save my name, email, and website in this browser for the next time I comment.",
         "Comment *", "Comments (61)", "Commenting for this story is now closed.",
         "Readers' comments are not moderated before they appear."],
        ["Comments by the minister angered farmers, who marched on Friday.",
         "The platform said comments were not moderated, prompting complaints."],
    ),
    "site notice": (
        ["Dear readers! We have moved comments to our Telegram channel.", "This video is no longer available.",
         "Questions or complaints? Contact our newsroom.",
         "SBC News takes no responsibility for the content of outside websites."],
        ["Dear Prudence was the band's most requested song, the organisers said.",
         "Residents with questions can contact the council."],
    ),
    "syndication or agency subscription notice": (
        ["(This story was published automatically from an agency feed; only the headline was changed by staff.)",
         "Only part of the stories sent to Anka News Service subscribers appear on this website, in shortened form."],
        ["The ministry's website lost 2,000 subscribers after the change, officials said."],
    ),
    "publisher's standards or reprint notice": (
        ["Our Standards: How Meridian Reports the News.", "Buy reprint rights, opens new tab",
         "This article appeared in the print edition of Oct. 4, 2023, on Page A1."],
        ["Our standards of care have improved, the hospital's director said."],
    ),
    "related-story link (label and title)": (
        ["READ MORE: Kelsland to host its largest naval drills in a decade",
         "Also Read: Railways to install new signalling by 2025"],
        ["Read more about the plan in the council's report, the mayor said.", "Read more"],
    ),
    "page widget (share / subscribe / comments / navigation)": (
        ["Share this article", "Related Stories", "Most viewed", "Story continues",
         "Video: Tembe Metro announces new limits"],
        ["Shares in the company fell 4% on Monday.", "Related talks will be held in Geneva next week."],
    ),
    "comment widget": (["To participate in the discussion"],
                       ["Voters must log in or register before Friday to take part, the commission said."]),
    "web address on its own": (["www.presstv.ir", "https://p.wri.example/p/4ZxQa"],
                               ["The ministry published the figures at www.stats.example on Monday."]),
    "number on its own (counter or time)": (["61", "14:05", "0"], ["14.05.2025"]),
    "breadcrumb (Section / Subsection)": (["Home / World News /", "News   /   Russia"],
                                          ["Island Daily Inquirer / 05:12 PM July 26, 2023",
                                           "Prices rose 4% / year in the north."]),
    "site-address notice": (["Press TV’s website can also be accessed at the following alternate addresses:"],
                            ["The website could not be accessed for three hours on Monday."]),
}


def test_every_shipped_rule_has_examples():
    reasons = [r.reason for r in default_rules()]
    assert len(reasons) == len(set(reasons)), "each shipped rule needs a reason of its own"
    assert set(reasons) == set(RULE_EXAMPLES)
    assert all(pos and neg for pos, neg in RULE_EXAMPLES.values())


POSITIVES = [(reason, line) for reason, (pos, _) in RULE_EXAMPLES.items() for line in pos]
NEGATIVES = [(reason, line) for reason, (_, neg) in RULE_EXAMPLES.items() for line in neg]


@pytest.mark.parametrize("reason, line", POSITIVES, ids=[f"{r[:30]}: {t[:40]}" for r, t in POSITIVES])
def test_shipped_rule_catches_its_examples(reason, line):
    first = next((r for r in default_rules() if r.matches(line)), None)
    assert first is not None and first.reason == reason, (first and first.reason)


@pytest.mark.parametrize("reason, line", NEGATIVES, ids=[f"{r[:30]}: {t[:40]}" for r, t in NEGATIVES])
def test_shipped_rule_leaves_article_text_alone(reason, line):
    rules = default_rules()
    (own,) = [r for r in rules if r.reason == reason]
    assert not own.matches(line)
    if _n_words(line) >= 4:  # article text: no shipped rule takes it for furniture
        assert [r.reason for r in rules if r.matches(line)] == []
