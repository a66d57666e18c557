"""Persistent settings: the last configuration, window geometry, theme and view.

Stored with ``QSettings`` in INI format under the user's config folder (or
``$INITVIZ_SETTINGS_DIR``, which tests and locked-down labs can set). Faults never stop
the app: a missing folder is created; an unwritable one means the app runs with
defaults and says settings will not be saved; a corrupt or foreign file (or not a
file at all, or too large), or a stored configuration that does not validate, is set
aside as ``initviz.ini.bad-<date>`` before defaults are used, and the message says
where it went. QSettings writes through a temporary file, so a failed save leaves the
old file whole.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..engine import ConfigError, SimulationConfig
from ..safe_io import MAX_READ_BYTES, parse_json
from .i18n import tr

FILE_NAME = "initviz.ini"
FORMAT_VERSION = 1
#: Keys written at once by ``set`` (the language menu) that the window's save at close keeps.
KEPT = ("view/language",)


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
        self._values: dict = {}
        problem = self._unusable_file()
        if problem:
            self._set_aside(problem)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if not problem:
            self._read()

    def _unusable_file(self) -> str | None:
        """Why the settings file must not even be opened (QSettings would block on a
        FIFO and read a device without end), or None."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None  # none yet: the usual first start
        if not stat.S_ISREG(info.st_mode):
            return tr("is not a regular file")
        if info.st_size > MAX_READ_BYTES:
            return tr("is larger than {0} bytes").format(MAX_READ_BYTES)
        return None

    def _set_aside(self, problem: str) -> None:
        """Rename the settings file out of the way, so that defaults written later do not
        destroy it; the notice says where it went."""
        kept = self.path.with_name(f"{FILE_NAME}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, kept)
            where = tr("it was kept as {0}").format(kept)
        except OSError:
            where = tr("it could not be moved aside, so it will not be overwritten")
            self.writable = False
        self.notices.append(tr("The settings file {0} {1}; {2}; using defaults.").format(self.path, problem, where))

    def _start_over(self, problem: str) -> None:
        self._values = {}
        self._qs = None  # QSettings keeps the file's name: a new one after the rename
        self._set_aside(problem)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _read(self) -> None:
        qs = self._qs
        if qs.status() != QSettings.Status.NoError:
            self._start_over(tr("is unreadable"))
            return
        version = qs.value("format", None)
        if version is None:
            if self.path.exists() and self.path.stat().st_size > 0:
                self._start_over(tr("is not initviz's"))
            return
        try:
            if int(version) != FORMAT_VERSION:
                raise ValueError(version)
            self._values = {k: qs.value(k) for k in qs.allKeys()}
        except (TypeError, ValueError, OverflowError):
            self._start_over(tr("is not initviz's"))

    def get(self, key: str, default=None):
        return self._values.get(key, default)

    def config(self) -> SimulationConfig | None:
        """The last configuration, or None (with a notice when it was there but bad)."""
        text = self._values.get("run/config")
        if text is None:
            return None
        try:
            return SimulationConfig.from_dict(parse_json(str(text), tr("the saved configuration")))
        except (ValueError, ConfigError, TypeError) as exc:
            self._start_over(tr("holds a configuration that cannot be used ({0})").format(exc))
            return None

    def geometry(self) -> QByteArray | None:
        value = self._values.get("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save(self, values: dict) -> bool:
        """Write ``values`` (with the format marker and the KEPT keys set by ``set``); False
        when not writable or the write failed (the old file is then kept whole)."""
        if not self.writable:
            return False
        values = {**{k: self._values[k] for k in KEPT if k in self._values}, **values}
        qs = self._qs
        qs.clear()
        qs.setValue("format", FORMAT_VERSION)
        for key, value in values.items():
            qs.setValue(key, value)
        qs.sync()
        return qs.status() == QSettings.Status.NoError

    def set(self, key: str, value) -> bool:
        """Write one value now (the language chosen in the menu), keeping the rest."""
        self._values[key] = value
        if not self.writable:
            return False
        if self._qs.value("format", None) is None:
            self._qs.setValue("format", FORMAT_VERSION)
        self._qs.setValue(key, value)
        self._qs.sync()
        return self._qs.status() == QSettings.Status.NoError


def config_to_text(config: SimulationConfig) -> str:
    return json.dumps(config.to_dict())
