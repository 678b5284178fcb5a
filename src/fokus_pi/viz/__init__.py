"""Interactive maps (Leaflet) and charts (Vega-Lite via Altair) that work offline and load nothing from
another host. Pages embed their numbers as JSON; geometry, libraries and shared series are site assets.

Nothing here imports MkDocs: ``indicator_blocks``/``gemeinde_block`` return HTML for the Markdown pages,
``site_assets`` the shared files an engine writes once per build.
"""

from .assets import site_assets
from .html import gemeinde_block, indicator_blocks, neighbour_links

__all__ = ["gemeinde_block", "indicator_blocks", "neighbour_links", "site_assets"]
