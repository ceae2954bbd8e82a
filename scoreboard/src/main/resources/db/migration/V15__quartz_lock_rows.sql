-- Quartz's clustered job store locks rows of qrtz_locks, and inserts a row the first time it needs
-- it. Two nodes starting at once on a new database both inserted TRIGGER_ACCESS: on PostgreSQL the
-- loser's transaction was aborted and its server failed to start. The rows are created here, once,
-- under Flyway's lock, before any scheduler runs. The name is Quarkus's default instance name
-- (quarkus.quartz.instance-name, not set by Days of Chaos).
INSERT INTO qrtz_locks (sched_name, lock_name)
SELECT 'QuarkusQuartzScheduler', 'TRIGGER_ACCESS'
WHERE NOT EXISTS (
  SELECT 1 FROM qrtz_locks WHERE sched_name = 'QuarkusQuartzScheduler' AND lock_name = 'TRIGGER_ACCESS');

INSERT INTO qrtz_locks (sched_name, lock_name)
SELECT 'QuarkusQuartzScheduler', 'STATE_ACCESS'
WHERE NOT EXISTS (
  SELECT 1 FROM qrtz_locks WHERE sched_name = 'QuarkusQuartzScheduler' AND lock_name = 'STATE_ACCESS');
