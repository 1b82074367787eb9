"""Time ``framing analyze``.

1. ``framing analyze`` on the seed event, as a fresh process, beside a process
   that only imports pandas, sklearn and nltk (the floor any run pays).
2. Throughput of :func:`framing.pipeline.analyze` on a generated corpus of
   many articles over several outlets (sentences of the seed articles,
   shuffled into new articles with a fixed seed).

Usage: ``python benchmarks/bench_analyze.py [--articles 1200] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import random
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


def make_corpus(folder: Path, n_articles: int, n_outlets: int) -> None:
    from framing.corpus import load_corpus

    seed = load_corpus(SEED)
    body = seed.sentences[seed.sentences["role"] == "body"]["text"].tolist()
    rng = random.Random(20210604)
    rows = ["article_id,outlet,file,published,headline,url,language,event,country,ownership"]
    for i in range(n_articles):
        outlet = f"Outlet {chr(65 + i % n_outlets)}"
        paras = ["\n\n".join(" ".join(rng.sample(body, 3)) for _ in range(rng.randint(5, 9)))]
        headline = f"Leaders Meet in Geneva as Talks Enter Day {i}"
        text = f"Menu\nWorld\n\n{headline}\n\n{paras[0]}\n\nShare this article\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"a{i:05d},{outlet},a{i:05d}.txt,2021-06-04,{headline},,en,bench,,")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--outlets", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

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


if __name__ == "__main__":
    main()
