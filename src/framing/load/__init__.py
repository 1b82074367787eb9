"""Reading articles folders: text helpers, page cleaning, sentences and the corpus loader."""
