"""Command line entry: ``python -m fokus_pi.demo --out data [--seed 2026]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from .generate import DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and write the demo data set."""
    parser = argparse.ArgumentParser(prog="python -m fokus_pi.demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("data"), help="target directory (default: data)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")
    args = parser.parse_args(argv)
    generate(args.out, args.seed)
    print(f"Demo-Daten geschrieben nach {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
