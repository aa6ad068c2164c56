"""The library screen: views, the article list, search, triage, import and export."""
