"""Defaults the command line shows in its help, in a module that imports nothing, so that
``provenance --help`` builds its parser without loading the pipeline or the network code."""

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_REDIRECTS",
    "DEFAULT_TIMEOUT",
    "FORMAT_NAMES",
    "LINK_TIMEOUT",
]

FORMAT_NAMES = ("text", "concise", "json", "jsonl", "sarif", "github", "markdown", "html")
"""The ``--format`` names, in the order of ``provenance._formatters.FORMATTERS`` (a test keeps
the two equal)."""

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a connection, and for each read, when pulling an overlay."""
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""The largest overlay ``registry pull`` accepts (bytes)."""
DEFAULT_MAX_REDIRECTS = 5
LINK_TIMEOUT = 10.0
"""Seconds per connection and read when checking or resolving links."""
DEFAULT_CONCURRENCY = 8
