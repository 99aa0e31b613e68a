-- pgbench: one-row UPDATE by random key, what a database-per-request write costs at best.
\set aid random(1, 100000 * :scale)
UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
