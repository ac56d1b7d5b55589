"""The Qt-free core: content, markup, search and the teacher's own data."""
