-- parley storage format, version 3: indexes chosen by measurement
-- (bench/query.cpp, tests/query_plan_test.cpp).
--
-- A query as of a record time reads every version, current or not, so the
-- partial index event_order (current versions only) cannot serve it: SQLite
-- read event_recorded (recorded_from < ?), i.e. the whole history, and
-- sorted it for the page. The chronological order over all versions lets an
-- as-of time window read in order and stop after a page (at 20,000 events:
-- about 80 ms before, under 1 ms after).
CREATE INDEX event_order_history ON event (lo, hi, id);
