"""Time ``framing analyze``.

1. ``framing analyze`` on the seed event, as a fresh process, beside a process
   that only imports pandas, sklearn and nltk (the floor any run pays).
2. Throughput of :func:`framing.pipeline.analyze` on a generated corpus of
   many articles over several outlets (sentences of the seed articles,
   shuffled into new articles with a fixed seed).
3. :func:`framing.pipeline.analyze` on one long generated article at several
   sizes up to the largest file the suite reads (news prose with many
   quotations, attributions and paragraphs, fixed seed), each in a fresh
   process: seconds, seconds per MB and peak memory, so that growth faster
   than the size shows as a rising ``s/MB``.

Usage: ``python benchmarks/bench_analyze.py [--articles 1200] [--repeat 5] [--sizes 0.5,1,2,4.9]``
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "spief-2021-06-04"


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def make_corpus(folder: Path, n_articles: int, n_outlets: int, *, varied: bool = False) -> None:
    """Articles of the seed event's sentences shuffled (``varied=False``), or of sentences built from parts
    (``_sentence``: speakers, reporting verbs, topics, hedges), nearly all different from each other, so that
    no step can gain from text it has seen before (``varied=True``)."""
    from framing.load.corpus import load_corpus

    seed = load_corpus(SEED)
    body = seed.sentences[seed.sentences["role"] == "body"]["text"].tolist()
    rng = random.Random(20210604)
    rows = ["article_id,outlet,file,published,headline,url,language,event,country,ownership"]
    for i in range(n_articles):
        outlet = f"Outlet {chr(65 + i % n_outlets)}"
        if varied:
            paras = ["\n\n".join(" ".join(_sentence(rng, body) for _ in range(rng.randint(2, 4)))
                                  for _ in range(rng.randint(5, 9)))]
        else:
            paras = ["\n\n".join(" ".join(rng.sample(body, 3)) for _ in range(rng.randint(5, 9)))]
        headline = f"Leaders Meet in Geneva as Talks Enter Day {i}"
        text = f"Menu\nWorld\n\n{headline}\n\n{paras[0]}\n\nShare this article\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"a{i:05d},{outlet},a{i:05d}.txt,2021-06-04,{headline},,en,bench,,")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


SPEAKERS = (
    "Putin", "Biden", "Dmitry Peskov", "Sergei Lavrov", "Antony Blinken", "Jen Psaki", "the Kremlin spokesman",
    "a senior administration official", "the Russian president", "his American counterpart", "one diplomat",
    "an analyst at the Carnegie Moscow Center", "the foreign minister", "a White House spokeswoman",
)
VERBS = ("said", "told reporters", "added", "noted", "claimed", "insisted", "warned", "admitted", "stressed",
         "pointed out", "wrote on Telegram", "said in a statement", "told the forum", "argued")
TOPICS = ("strategic stability", "arms control", "the New START treaty", "cyber attacks", "the Nord Stream 2 pipeline",
          "the embassies", "prisoner exchanges", "the conflict in Ukraine", "sanctions", "election interference",
          "the Arctic", "climate policy", "the coronavirus pandemic", "trade", "the summit agenda")
ADJECTIVES = ("low", "constructive", "dangerous", "positive", "unacceptable", "frank", "useful", "tense", "serious",
              "fragile", "difficult", "historic", "pragmatic", "hostile", "businesslike")
HEDGES = ("may", "might", "could", "probably", "reportedly", "apparently", "are likely to", "appear to")
WHEN = ("in Geneva", "this month", "before the summit", "next year", "on June 16", "within weeks", "soon")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clause(rng: random.Random) -> str:
    topic, adj = rng.choice(TOPICS), rng.choice(ADJECTIVES)
    return rng.choice([
        f"relations on {topic} are at a {adj} level",
        f"we need to find ways to settle {topic} {rng.choice(WHEN)}",
        f"the two sides {rng.choice(HEDGES)} agree on {topic}",
        f"nobody expects a breakthrough on {topic} {rng.choice(WHEN)}",
        f"there is no alternative to a {adj} dialogue on {topic}",
        f"{topic} will be at the top of the agenda",
        f"a {adj} step on {topic} is long overdue",
    ])


def _sentence(rng: random.Random, seed_sentences: list[str]) -> str:
    speaker, verb, clause, topic = rng.choice(SPEAKERS), rng.choice(VERBS), _clause(rng), rng.choice(TOPICS)
    kind = rng.randrange(10)
    if kind == 0:
        return rng.choice(seed_sentences)
    if kind in (1, 2):
        return f"\u201c{_cap(clause)},\u201d {speaker} {verb}."
    if kind == 3:
        return f"{_cap(speaker)} {verb}: \"{_cap(clause)}.\""
    if kind == 4:
        return f"{_cap(speaker)} {verb} that {clause}."
    if kind == 5:
        return (f"The talks, which {speaker} called \u201c{rng.choice(ADJECTIVES)}\u201d, {rng.choice(HEDGES)} "
                f"resume {rng.choice(WHEN)}.")
    if kind == 6:
        return f"\u201c{_cap(clause)}. {_cap(_clause(rng))},\u201d {speaker} {verb}, adding that {_clause(rng)}."
    if kind == 7:
        return f"According to {speaker}, {clause}, although some {rng.randint(2, 40)} officials disagree."
    if kind == 8:
        return f"The so-called \u201c{rng.choice(ADJECTIVES)} reset\u201d has divided the negotiators on {topic}."
    return f"{_cap(clause)}, {rng.choice(['analysts say', 'officials believe', 'the report shows'])}."


def long_article_text(n_bytes: int, seed_sentences: list[str], seed: int = 20210604) -> str:
    """News prose of at most ``n_bytes`` bytes (UTF-8) as one article: headline, byline, paragraphs, captions.

    About a third of the sentences hold a quotation (curly and straight marks,
    attributed before or after, short scare quotes); one paragraph in thirty
    opens a quotation that runs on into the next paragraph; one in forty is
    followed by a subheading.  The same ``seed`` always gives the same text.
    """
    rng = random.Random(seed)
    headline = "Putin and Biden Trade Warnings as the Geneva Summit Nears"
    parts = ["News / World", headline, "By Staff Writer, 04.06.2021"]
    size = sum(len(p.encode("utf-8")) + 2 for p in parts)
    n = 0
    while True:
        n += 1
        para = " ".join(_sentence(rng, seed_sentences) for _ in range(rng.randint(2, 5)))
        if n % 30 == 0:
            para = f"\u201c{_cap(_clause(rng))}. {_cap(_clause(rng))}."
        if n % 40 == 0:
            para += f"\n\n{_cap(rng.choice(TOPICS))} Remains a Sticking Point for Both Delegations"
        if n % 55 == 0:
            para += "\n\nThe two presidents at an earlier meeting. (Photo by AFP)"
        grown = size + len(para.encode("utf-8")) + 2
        if grown + 20 > n_bytes:
            break
        parts.append(para)
        size = grown
    parts.append("Share this article")
    return "\n\n".join(parts) + "\n"


def make_long_article(folder: Path, n_bytes: int) -> None:
    from framing.load.corpus import load_corpus

    seed = load_corpus(SEED)
    body = seed.sentences[seed.sentences["role"] == "body"]["text"].tolist()
    text = long_article_text(n_bytes, body)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    (folder / "articles.csv").write_text(
        "article_id,outlet,file,published,headline,url,language,event,country,ownership\n"
        "long,Outlet A,long.txt,2021-06-04,Putin and Biden Trade Warnings as the Geneva Summit Nears,,en,bench,,\n",
        encoding="utf-8",
    )


def measure(folder: Path) -> None:
    """Analyse ``folder`` once (lexicons and models loaded first) and print figures as JSON: the child process."""
    from framing.load.sentences import split_sentences
    from framing.measures.sentiment import load_analyzer
    from framing.pipeline import analyze as run

    split_sentences("Models load here. Not in the timing.")
    load_analyzer()
    t0, c0 = time.perf_counter(), time.process_time()
    result = run(folder)
    figures = {
        "seconds": time.perf_counter() - t0,
        "cpu": time.process_time() - c0,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "sentences": len(result.corpus.sentences),
        "quotes": len(result.corpus.quotes),
        "tokens": len(result.corpus.tokens),
    }
    print(json.dumps(figures))


def long_articles(tmp: Path, sizes: list[float]) -> None:
    from framing.load.corpus import MAX_ARTICLE_BYTES

    print(f"one long article (largest file read: {MAX_ARTICLE_BYTES / 1e6:.1f} MB), a fresh process per size:")
    print("    size  sentences   quotes     tokens   analyze    cpu   cpu s/MB  vs smallest   peak memory")
    first = None
    for mb in sizes:
        folder = tmp / f"long-{mb}"
        folder.mkdir()
        make_long_article(folder, int(mb * 1e6))
        size = (folder / "long.txt").stat().st_size / 1e6
        out = subprocess.run([sys.executable, __file__, "--measure", str(folder)], check=True, capture_output=True,
                             text=True).stdout
        f = json.loads(out.splitlines()[-1])
        per_mb = f["cpu"] / size
        first = first or per_mb
        print(f"  {size:4.1f} MB {f['sentences']:10,} {f['quotes']:8,} {f['tokens']:10,} {f['seconds']:7.1f} s "
              f"{f['cpu']:5.1f} s {per_mb:7.2f} s {per_mb / first:9.2f} x {f['peak_mb']:10,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--outlets", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", default="0.5,1,2,4.9", help="sizes of the long article in MB, comma-separated")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        measure(args.measure)
        return

    py = sys.executable
    framing = [py, "-m", "framing.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        imports = wall([py, "-c", "import pandas, sklearn, nltk"], args.repeat)
        analyze = wall(framing + ["analyze", str(SEED), "--out", str(Path(tmp) / "out")], args.repeat)
        helptime = wall(framing + ["--help"], args.repeat)
        print(f"framing --help                         {helptime:6.2f} s")
        print(f"import pandas, sklearn, nltk           {imports:6.2f} s   (median of {args.repeat})")
        print(f"framing analyze <seed event>           {analyze:6.2f} s   ({analyze / imports - 1:+.0%} vs imports)")

        folder = Path(tmp) / "big"
        folder.mkdir()
        make_corpus(folder, args.articles, args.outlets)
        from framing.pipeline import analyze as run

        t0 = time.perf_counter()
        result = run(folder)
        elapsed = time.perf_counter() - t0
        n_sent = len(result.corpus.sentences)
        n_tok = int(result.corpus.articles["n_tokens"].sum())
        print(f"generated corpus: {args.articles} articles, {args.outlets} outlets, {n_sent} sentences, "
              f"{n_tok} tokens")
        print(f"analyze (in process, all tables)       {elapsed:6.2f} s   = {args.articles / elapsed:,.0f} articles/s, "
              f"{n_tok / elapsed:,.0f} tokens/s")

        sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
        if sizes:
            long_articles(Path(tmp), sizes)


if __name__ == "__main__":
    main()
