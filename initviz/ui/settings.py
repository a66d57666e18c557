"""Persistent settings: the last configuration, window geometry, theme and view.

Stored with ``QSettings`` in INI format under the user's config folder (or
``$INITVIZ_SETTINGS_DIR``, which tests and locked-down labs can set). Faults never stop
the app: a missing folder is created; an unwritable one means the app runs with
defaults and says settings will not be saved; a corrupt or foreign file, or a stored
configuration that does not validate, falls back to defaults with a message.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..engine import ConfigError, SimulationConfig
from .i18n import tr

FILE_NAME = "initviz.ini"
FORMAT_VERSION = 1


def settings_dir() -> Path:
    env = os.environ.get("INITVIZ_SETTINGS_DIR")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base or Path.home() / ".config") / "initviz"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
        return True
    except OSError:
        return False


class Settings:
    """Reads at construction; ``notices`` lists what went wrong, for the status bar."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else settings_dir()
        self.path = self.folder / FILE_NAME
        self.notices: list[str] = []
        self.writable = _writable(self.folder)
        if not self.writable:
            self.notices.append(
                tr("Settings will not be saved: the folder {0} cannot be written.").format(self.folder)
            )
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._values: dict = {}
        self._read()

    def _read(self) -> None:
        qs = self._qs
        if qs.status() != QSettings.Status.NoError:
            self.notices.append(tr("The settings file {0} is unreadable; using defaults.").format(self.path))
            return
        version = qs.value("format", None)
        if version is None:
            if self.path.exists() and self.path.stat().st_size > 0:
                self.notices.append(tr("The settings file {0} is not initviz's; using defaults.").format(self.path))
            return
        try:
            if int(version) != FORMAT_VERSION:
                raise ValueError(version)
            self._values = {k: qs.value(k) for k in qs.allKeys()}
        except (TypeError, ValueError):
            self.notices.append(tr("The settings file {0} is not initviz's; using defaults.").format(self.path))
            self._values = {}

    def get(self, key: str, default=None):
        return self._values.get(key, default)

    def config(self) -> SimulationConfig | None:
        """The last configuration, or None (with a notice when it was there but bad)."""
        text = self._values.get("run/config")
        if text is None:
            return None
        try:
            return SimulationConfig.from_dict(json.loads(str(text)))
        except (ValueError, ConfigError, TypeError) as exc:
            self.notices.append(tr("The saved configuration was ignored ({0}); using defaults.").format(exc))
            return None

    def geometry(self) -> QByteArray | None:
        value = self._values.get("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save(self, values: dict) -> bool:
        """Write ``values`` (with the format marker); False when not writable."""
        if not self.writable:
            return False
        qs = self._qs
        qs.clear()
        qs.setValue("format", FORMAT_VERSION)
        for key, value in values.items():
            qs.setValue(key, value)
        qs.sync()
        return qs.status() == QSettings.Status.NoError


def config_to_text(config: SimulationConfig) -> str:
    return json.dumps(config.to_dict())
