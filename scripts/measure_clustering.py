"""Measure online clustering on the dev files (or any file in their format) and print JSON.

    python scripts/measure_clustering.py ../shared/data/dev/ecbplus_events.jsonl --level event
    python scripts/measure_clustering.py ../shared/data/dev/slavicner_stories.jsonl --level story --shuffle-seed 1

Extra ``--param NAME=VALUE`` pairs go to OnlineClusterer (numbers parsed as JSON).
"""

from __future__ import annotations

import argparse
import json

from dateline.eval.clustering import evaluate_clustering


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--level", choices=("story", "event"), default="story")
    parser.add_argument("--shuffle-seed", type=int, default=None)
    parser.add_argument("--predictions", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--param", action="append", default=[], help="NAME=VALUE for OnlineClusterer")
    args = parser.parse_args()
    params = {}
    for item in args.param:
        name, _, value = item.partition("=")
        params[name] = json.loads(value)
    print(json.dumps(evaluate_clustering(args.file, level=args.level, predictions=args.predictions,
                                         shuffle_seed=args.shuffle_seed, limit=args.limit, **params),
                     indent=2))


if __name__ == "__main__":
    main()
