"""The Qt user interface: main window, controls, views, export (the engine stays Qt-free)."""
