/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE crawl_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    sources     TEXT NOT NULL,                 -- JSON array of source specs, e.g. ["dir:data/samples"]
    status      TEXT NOT NULL,                 -- running | ok | partial | failed
    stats       TEXT NOT NULL DEFAULT '{}'     -- JSON counts and durations
  );

  CREATE TABLE repositories (
    id           TEXT PRIMARY KEY,             -- 'dir:<folder>' or 'github:<databaseId>'
    full_name    TEXT NOT NULL,                -- owner/name, or the folder name for dir sources
    source       TEXT NOT NULL,                -- dir | github | registry | seeds
    url          TEXT,                         -- https://github.com/owner/name, null for local folders
    commit_sha   TEXT,                         -- the crawled commit, null for local folders
    content_hash TEXT NOT NULL,                -- change key: commit, or a hash of the files for folders
    stars        INTEGER,
    language     TEXT,
    description  TEXT,
    crawled_at   TEXT NOT NULL,                -- when the stored content was extracted
    run_id       INTEGER NOT NULL,             -- the run that stored it
    status       TEXT NOT NULL DEFAULT 'ok',   -- ok | failed (a failed crawl keeps the previous rows)
    error        TEXT
  );

  CREATE TABLE servers (
    id          INTEGER PRIMARY KEY,
    repo_id     TEXT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,                 -- folder inside the repository, '.' for the root
    slug        TEXT NOT NULL UNIQUE,          -- URL segment: /servers/<slug>/
    name        TEXT NOT NULL,
    language    TEXT NOT NULL,
    sdk         TEXT NOT NULL,
    sdk_version TEXT,
    policy      TEXT NOT NULL,                 -- the whole-server policy.json text
    UNIQUE (repo_id, path)
  );

  CREATE TABLE tools (
    id              INTEGER PRIMARY KEY,
    server_id       INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    slug            TEXT NOT NULL,             -- URL segment: /tools/<server slug>/<slug>/
    name            TEXT NOT NULL,
    title           TEXT,
    description     TEXT,
    input_schema    TEXT,                      -- JSON Schema, or null
    annotations     TEXT,                      -- JSON as declared, or null
    definition      TEXT NOT NULL,             -- JSON of the whole extracted Tool
    file            TEXT NOT NULL,
    line            INTEGER NOT NULL,
    sdk             TEXT NOT NULL,
    style           TEXT NOT NULL,
    confidence      REAL NOT NULL,             -- extraction confidence
    definition_hash TEXT NOT NULL,
    first_seen_run  INTEGER NOT NULL,
    changed_run     INTEGER NOT NULL,          -- the run that last changed the definition or classification
    UNIQUE (server_id, slug)
  );

  CREATE TABLE classifications (
    tool_id              INTEGER PRIMARY KEY REFERENCES tools(id) ON DELETE CASCADE,
    category             TEXT NOT NULL,
    policylayer_category TEXT NOT NULL,
    risk                 TEXT NOT NULL,        -- low | medium | high | critical
    tags                 TEXT NOT NULL,        -- JSON array
    confidence           REAL NOT NULL,
    rules                TEXT NOT NULL,        -- JSON array of rule ids that fired
    rationale            TEXT NOT NULL,
    classifier_version   TEXT NOT NULL,
    policy               TEXT NOT NULL,        -- the tool's policy.json text
    policy_note          TEXT NOT NULL,
    hash                 TEXT NOT NULL
  );

  CREATE TABLE findings (
    tool_id  INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    rule     TEXT NOT NULL,
    message  TEXT NOT NULL,
    category TEXT,
    risk     TEXT,
    tags     TEXT NOT NULL,                    -- JSON array
    evidence TEXT NOT NULL,                    -- JSON array of Evidence
    PRIMARY KEY (tool_id, ordinal)
  );

  CREATE TABLE dynamic_tools (
    server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    file      TEXT NOT NULL,
    line      INTEGER NOT NULL,
    reason    TEXT NOT NULL
  );

  CREATE TABLE extraction_warnings (
    repo_id TEXT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    file    TEXT NOT NULL,
    message TEXT NOT NULL
  );

  -- Every change of a tool between crawls; removed tools live on here.
  CREATE TABLE tool_history (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES crawl_runs(id),
    at          TEXT NOT NULL,
    repo_id     TEXT NOT NULL,
    server_slug TEXT NOT NULL,
    tool_slug   TEXT NOT NULL,
    tool_name   TEXT NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('added', 'changed', 'removed')),
    risk_before TEXT,
    risk_after  TEXT,
    before      TEXT,                          -- JSON {definition, classification} or null
    after       TEXT                           -- JSON {definition, classification} or null
  );

  CREATE INDEX tools_server ON tools(server_id);
  CREATE INDEX servers_repo ON servers(repo_id);
  CREATE INDEX classifications_risk ON classifications(risk);
  CREATE INDEX tool_history_run ON tool_history(run_id);
  `,
  `
  -- Policies in every format we emit (policy-json, intercept-yaml, claude-code, codex...), per tool and per server.
  CREATE TABLE tool_policies (
    tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
    format  TEXT NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (tool_id, format)
  );
  CREATE TABLE server_policies (
    server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    format    TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (server_id, format)
  );
  -- Example calls a tool's policy allows or denies, checked by the policy evaluator.
  CREATE TABLE policy_examples (
    tool_id  INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
    format   TEXT NOT NULL,
    ordinal  INTEGER NOT NULL,
    call     TEXT NOT NULL,                  -- JSON {"name": ..., "arguments": {...}}
    decision TEXT NOT NULL CHECK (decision IN ('allow', 'deny')),
    reason   TEXT NOT NULL,
    PRIMARY KEY (tool_id, format, ordinal)
  );
  -- Server-level assessment: the combination of tools (private data + untrusted content + external
  -- communication) and the server's overall risk, as JSON.
  ALTER TABLE servers ADD COLUMN assessment TEXT NOT NULL DEFAULT '{}';
  `,
  `
  -- Migration 3 (crawler): repositories the discovery sources named, kept between runs so that nightly
  -- deltas still sweep everything known; resumable runs; per-source cursors and watermarks.
  CREATE TABLE crawl_candidates (
    key         TEXT PRIMARY KEY,              -- 'github:<databaseId>' once resolved, else 'name:<owner/name lower case>'
    full_name   TEXT NOT NULL,
    database_id INTEGER UNIQUE,
    sources     TEXT NOT NULL DEFAULT '[]',    -- JSON array of source ids that named it
    subfolders  TEXT NOT NULL DEFAULT '[]',    -- JSON array of folders named by registry/code search
    whole       INTEGER NOT NULL DEFAULT 0,    -- 1 when a source named the whole repository
    head_sha    TEXT,                          -- default branch head at the last sweep
    failed_sha  TEXT,                          -- a head whose archive was refused: not downloaded again
    stars       INTEGER,
    description TEXT,
    archived    INTEGER,
    disk_kb     INTEGER,
    status      TEXT NOT NULL DEFAULT 'active',-- active | gone (deleted or unreachable) | withdrawn
    swept_run   INTEGER,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
  );
  CREATE TABLE crawl_state (
    key   TEXT PRIMARY KEY,                    -- '<source>:<name>', e.g. 'registry:updatedAt'
    value TEXT NOT NULL
  );
  -- A run in progress: the stage it reached and what it set out to do; deleted when the run ends.
  CREATE TABLE crawl_checkpoints (
    run_id       INTEGER PRIMARY KEY REFERENCES crawl_runs(id),
    stage        TEXT NOT NULL,                -- discover | sweep | fetch
    plan         TEXT NOT NULL,                -- JSON: sources and shard, to resume only the same crawl
    sources_done TEXT NOT NULL DEFAULT '[]',
    stats        TEXT NOT NULL DEFAULT '{}',   -- JSON summary so far
    updated_at   TEXT NOT NULL
  );
  CREATE TABLE crawl_queue (
    run_id     INTEGER NOT NULL,
    repo_key   TEXT NOT NULL,
    ordinal    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('archive', 'dir', 'remove')),
    full_name  TEXT NOT NULL,
    location   TEXT,                           -- the folder for dir items
    commit_sha TEXT,
    subfolders TEXT NOT NULL DEFAULT '[]',
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    error      TEXT,
    PRIMARY KEY (run_id, repo_key)
  );
  CREATE INDEX crawl_queue_pending ON crawl_queue(run_id, status, ordinal);
  `,
  `
  -- Migration 4 (slugs, issue 9): slugs made before crawler/store/slug.ts kept a leading underscore
  -- ('_exec_shell'), which the site cannot use as a URL segment, so it left those tools out. Every
  -- repository holding such a tool is marked stale: the next crawl extracts it again, even at an unchanged
  -- commit, and gives its tools their new slugs (the site refuses to build until then). Servers with such a
  -- slug, or the slug of the site's own servers/index.html, came only from local folders, which every crawl
  -- extracts again: they are dropped, with their tools, and come back with a new slug.
  UPDATE repositories SET status = 'stale' WHERE id IN (
    SELECT s.repo_id FROM tools t JOIN servers s ON s.id = t.server_id
     WHERE NOT (t.slug GLOB '[a-z0-9]*' AND NOT t.slug GLOB '*[^a-z0-9._-]*' AND length(t.slug) <= 200));
  DELETE FROM servers
   WHERE NOT (slug GLOB '[a-z0-9]*' AND NOT slug GLOB '*[^a-z0-9._-]*' AND length(slug) <= 200) OR slug = 'index.html';
  `,
  `
  -- Migration 5 (issue 12): the packages a server is published as (npm, PyPI, OCI, NuGet, crates.io, Maven),
  -- as its manifests say; and 'git' queue items (git:DIR, repositories read from their git directories).
  -- SQLite cannot change a CHECK constraint in place: the queue (one run's worklist) is copied over.
  ALTER TABLE servers ADD COLUMN packages TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE crawl_queue_next (
    run_id     INTEGER NOT NULL,
    repo_key   TEXT NOT NULL,
    ordinal    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('archive', 'dir', 'git', 'remove')),
    full_name  TEXT NOT NULL,
    location   TEXT,                           -- the folder for dir items, the git directory for git items
    commit_sha TEXT,
    subfolders TEXT NOT NULL DEFAULT '[]',
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    error      TEXT,
    PRIMARY KEY (run_id, repo_key)
  );
  INSERT INTO crawl_queue_next SELECT run_id, repo_key, ordinal, kind, full_name, location, commit_sha, subfolders, status, error FROM crawl_queue;
  DROP TABLE crawl_queue;
  ALTER TABLE crawl_queue_next RENAME TO crawl_queue;
  CREATE INDEX crawl_queue_pending ON crawl_queue(run_id, status, ordinal);
  `,
];
