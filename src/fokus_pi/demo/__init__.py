"""Deterministic demo data for the Digitaler Sozialbericht of Kreis Pinneberg.

Only Gemeinde names, AGS, Ämter, populations 2019/2023 and centre points are real (facts.csv); every
other figure is invented, so the site can be built and tested without official data.
"""

from .generate import DEFAULT_SEED, generate

__all__ = ["DEFAULT_SEED", "generate"]
