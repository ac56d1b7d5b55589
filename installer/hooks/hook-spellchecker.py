"""Classroom Kit's hook for pyspellchecker: only the English and French word lists that kit.core.search.lexicon
reads (the package ships twelve languages, ~7 MB; these two are ~1.1 MB)."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("spellchecker", includes=["resources/en.json.gz", "resources/fr.json.gz"])
