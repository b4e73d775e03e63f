"""The SQLite schema of the read index.

Per-article tables mirror what each article graph says (`article`, `report`,
`report_type`, `report_role`, `article_entity`); every other table is derived from them
and from the reference graph, and is recomputed for the events an ingest or delete touches.
`event.moment` is the date events are sorted and filtered by: the start of the event's own
`ak:date`, else the date of its latest-dated reporting article (NULL when neither is known).
"""

from __future__ import annotations

SCHEMA_VERSION = "2"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- per article: what its graph says
CREATE TABLE IF NOT EXISTS article (
  id TEXT PRIMARY KEY, title TEXT, publisher TEXT, issued TEXT, quads INTEGER NOT NULL
);
-- a report repeats its article's date and publisher, so an event's latest reports are an
-- index range
CREATE TABLE IF NOT EXISTS report (
  event TEXT NOT NULL, article TEXT NOT NULL, status TEXT, negated INTEGER NOT NULL,
  date TEXT, confidence REAL, issued TEXT, publisher TEXT, PRIMARY KEY (event, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_by_article ON report (article);
CREATE INDEX IF NOT EXISTS report_by_date ON report (event, issued, article);
CREATE TABLE IF NOT EXISTS report_type (
  event TEXT NOT NULL, article TEXT NOT NULL, type TEXT NOT NULL,
  PRIMARY KEY (event, article, type)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_role (
  event TEXT NOT NULL, article TEXT NOT NULL, role TEXT NOT NULL, entity TEXT NOT NULL,
  PRIMARY KEY (event, article, role, entity)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_entity (
  entity TEXT NOT NULL, article TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL,
  PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entity_by_article ON article_entity (article);

-- entities: the reference graph, plus entities minted in articles
CREATE TABLE IF NOT EXISTS entity (
  iri TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL, wikidata TEXT,
  minted INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_alias (
  entity TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_affiliation (
  entity TEXT NOT NULL, affiliate TEXT NOT NULL, PRIMARY KEY (entity, affiliate)
) WITHOUT ROWID;
-- kind: 0 label, 1 alias, 2 a later word of the label or an alias (its suffix from that word)
CREATE TABLE IF NOT EXISTS entity_name (
  name TEXT NOT NULL, entity TEXT NOT NULL, kind INTEGER NOT NULL,
  PRIMARY KEY (name, entity, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_name_by_entity ON entity_name (entity);
CREATE TABLE IF NOT EXISTS narrower (
  broad TEXT NOT NULL, narrow TEXT NOT NULL, PRIMARY KEY (broad, narrow)
) WITHOUT ROWID;

-- events: one row per event, merged over the articles that report it
CREATE TABLE IF NOT EXISTS event (
  iri TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT, date TEXT, moment TEXT,
  confidence REAL, articles INTEGER NOT NULL, publishers INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS event_by_moment ON event (moment, iri);
CREATE INDEX IF NOT EXISTS event_by_status ON event (status, moment);
CREATE TABLE IF NOT EXISTS event_class (
  type TEXT NOT NULL, event TEXT NOT NULL, moment TEXT, PRIMARY KEY (type, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_class_by_moment ON event_class (type, moment);
CREATE INDEX IF NOT EXISTS event_class_by_event ON event_class (event);
CREATE TABLE IF NOT EXISTS event_role (
  entity TEXT NOT NULL, role TEXT NOT NULL, event TEXT NOT NULL, moment TEXT,
  PRIMARY KEY (entity, role, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_role_by_moment ON event_role (entity, role, moment);
CREATE INDEX IF NOT EXISTS event_role_by_event ON event_role (event);
CREATE TABLE IF NOT EXISTS entity_event (
  entity TEXT NOT NULL, event TEXT NOT NULL, moment TEXT, PRIMARY KEY (entity, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_event_by_moment ON entity_event (entity, moment);
CREATE INDEX IF NOT EXISTS entity_event_by_event ON entity_event (event);

-- counters, kept in step with the event rows
CREATE TABLE IF NOT EXISTS role_count (
  entity TEXT NOT NULL, role TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (entity, role)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_count (entity TEXT PRIMARY KEY, n INTEGER NOT NULL)
  WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS partner (
  entity TEXT NOT NULL, other TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (entity, other)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS class_count (type TEXT PRIMARY KEY, n INTEGER NOT NULL)
  WITHOUT ROWID;
-- totals: 'articles', 'quads' (of the article graphs), 'events'
CREATE TABLE IF NOT EXISTS total (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO total VALUES ('articles', 0), ('quads', 0), ('events', 0);
CREATE TRIGGER IF NOT EXISTS article_added AFTER INSERT ON article BEGIN
  UPDATE total SET n = n + 1 WHERE name = 'articles';
  UPDATE total SET n = n + new.quads WHERE name = 'quads';
END;
CREATE TRIGGER IF NOT EXISTS article_removed AFTER DELETE ON article BEGIN
  UPDATE total SET n = n - 1 WHERE name = 'articles';
  UPDATE total SET n = n - old.quads WHERE name = 'quads';
END;
CREATE TRIGGER IF NOT EXISTS event_added AFTER INSERT ON event BEGIN
  UPDATE total SET n = n + 1 WHERE name = 'events';
END;
CREATE TRIGGER IF NOT EXISTS event_removed AFTER DELETE ON event BEGIN
  UPDATE total SET n = n - 1 WHERE name = 'events';
END;
"""

# Every table, in the order a snapshot lists them.
TABLES = (
    "article",
    "report",
    "report_type",
    "report_role",
    "article_entity",
    "entity",
    "entity_alias",
    "entity_affiliation",
    "entity_name",
    "narrower",
    "event",
    "event_class",
    "event_role",
    "entity_event",
    "role_count",
    "entity_count",
    "partner",
    "class_count",
    "total",
)
