"""RSS/Atom subscriptions: parsing feeds safely, entries to articles, OPML, subscribe and update.

The facade's ``Library.sources`` is the way in (``subscribe``, ``update_feeds``, ``feeds``,
``unsubscribe``, ``import_opml``, ``export_opml``).
"""

from reader.core.records import Feed, FeedUpdate

__all__ = ["Feed", "FeedUpdate"]
