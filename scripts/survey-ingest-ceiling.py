"""The raw SQLite ceiling for survey ingest, for scripts/bench-survey-ingest.

Writes what one response to the standard questionnaire writes (the response
row, its 25 answers, an upsert of each of its 25 cells) straight through
SQLite's C library, 100 responses per transaction, in WAL mode with
synchronous = FULL, on a fresh file. Prints responses per second.
"""

import sqlite3
import sys
import time

RESPONSES = 20_000
BATCH = 100
ITEMS = 25

db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.executescript(
    """
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    CREATE TABLE responses (id INTEGER PRIMARY KEY, survey_id INTEGER, service_id INTEGER,
        group_id INTEGER, received_at INTEGER, month INTEGER, source TEXT, dissatisfied INTEGER);
    CREATE TABLE answers (id INTEGER PRIMARY KEY, response_id INTEGER, item TEXT, score INTEGER, value TEXT);
    CREATE INDEX answers_response ON answers (response_id);
    CREATE TABLE cells (survey_id INTEGER, service_id INTEGER, group_id INTEGER, month INTEGER,
        item TEXT, c1 INTEGER, c2 INTEGER, c3 INTEGER, c4 INTEGER, c5 INTEGER,
        PRIMARY KEY (survey_id, service_id, group_id, month, item));
    """
)
items = [f"item-{k}" for k in range(ITEMS)]
started = time.perf_counter()
for start in range(0, RESPONSES, BATCH):
    db.execute("BEGIN IMMEDIATE")
    for n in range(start, start + BATCH):
        cur = db.execute(
            "INSERT INTO responses (survey_id, service_id, group_id, received_at, month, source, dissatisfied)"
            " VALUES (1, 1, 1, 0, 256911, 'web', 0)"
        )
        rid = cur.lastrowid
        scores = [1 + (n + k) % 5 for k in range(ITEMS)]
        db.executemany(
            "INSERT INTO answers (response_id, item, score) VALUES (?, ?, ?)",
            [(rid, item, s) for item, s in zip(items, scores)],
        )
        db.executemany(
            "INSERT INTO cells VALUES (1, 1, 1, 256911, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO UPDATE SET c1 = c1 + excluded.c1, c2 = c2 + excluded.c2,"
            " c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5",
            [(item, *[int(s == v) for v in range(1, 6)]) for item, s in zip(items, scores)],
        )
    db.execute("COMMIT")
elapsed = time.perf_counter() - started
print(f"{RESPONSES / elapsed:.0f}")
