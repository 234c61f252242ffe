"""The exception tree of provenance. Every error the library raises on purpose is one of these.

    ProvenanceError
     ├── InputError      the brief cannot be read: missing, a directory, binary, undecodable, too big
     ├── RegistryError   a registry file is missing, malformed or fails validation
     ├── ConfigError     a configuration file or option is invalid
     └── SyncError       fetching a remote registry or resolving a URL failed

The command-line tool maps each of them to exit code 2 with one line on stderr.
"""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "ProvenanceError", "RegistryError", "SyncError"]


class ProvenanceError(Exception):
    """Base class of every error raised on purpose by provenance."""


class InputError(ProvenanceError):
    """The brief could not be read as text."""


class RegistryError(ProvenanceError):
    """A registry file is missing, malformed or invalid.

    The message names the file, the entry and the key when they are known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        entry: str | None = None,
        key: str | None = None,
    ) -> None:
        where = ", ".join(
            part
            for part in (
                path,
                f"entry {entry!r}" if entry else None,
                f"key {key!r}" if key else None,
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.entry = entry
        self.key = key


class ConfigError(ProvenanceError):
    """A configuration file or option is invalid."""


class SyncError(ProvenanceError):
    """A network operation asked for by the user failed: pulling a registry overlay from a
    URL (unreachable server without a usable cached copy, an HTTP error, a sha256 that does
    not match the pin, an invalid overlay, a file over the size limit, too many redirects,
    plain ``http`` to a host that is not loopback). (A short link that cannot be resolved
    is reported as a warning, not raised.)

    When it is raised, nothing in the cache has changed. The message is one line that names
    the URL and, when something is missing, the command that fetches it.
    """
