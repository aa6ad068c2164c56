"""Several writers on one library at once: other processes and other threads."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

from reader.core.models import ArticleQuery
from reader.core.storage import Storage
from reader.core.text import content_hash
from tests.storage.helpers import T0, draft, write_many

PER_WRITER = 100


def test_two_processes_write_at_the_same_time(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Storage(path).close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    errors = context.Queue()
    writers = [
        context.Process(target=write_many, args=(str(path), worker, PER_WRITER, barrier, errors))
        for worker in (0, 1)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    reports = []
    while not errors.empty():
        reports.append(errors.get())
    assert reports == []
    assert [writer.exitcode for writer in writers] == [0, 0]

    storage = Storage(path)
    assert storage.search.view_counts() == {
        "inbox": 2 * (PER_WRITER - PER_WRITER // 10),
        "later": 2 * (PER_WRITER // 10),
        "archive": 0,
        "starred": 0,
        "all": 2 * PER_WRITER,
    }
    assert storage.tags.counts() == [("writer-0", PER_WRITER), ("writer-1", PER_WRITER)]
    assert storage.search.count_articles(ArticleQuery(text="note 1-99")) == 1
    assert all(row.notes == 1 for row in storage.search.list_articles(ArticleQuery()))
    db = storage.database.connection()
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)")
    storage.close()


def test_threads_share_one_storage(storage: Storage) -> None:
    failures: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for i in range(30):
                body = f"thread {worker} article {i}"
                storage.articles.add(
                    draft(body, body), content_hash=content_hash(body), words=4, now=T0
                )
                storage.search.list_articles(ArticleQuery(text="thread"), limit=5)
        except BaseException as error:  # reported below: a thread's exception is otherwise lost
            failures.append(error)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert storage.search.view_counts()["all"] == 120
    assert storage.database.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
