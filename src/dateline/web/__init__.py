"""The web UI: server-rendered pages over the same service functions as the API, every asset
shipped in the package (no CDN, no tile server)."""
