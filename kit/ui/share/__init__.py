"""The classroom share in the window: File → Share with Class (the server itself is kit.web)."""
