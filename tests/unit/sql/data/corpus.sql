-- Spark SQL accuracy corpus. Each case starts with a "-- ==== title" line; its
-- "-- expect:" lines list the accesses in text order as "op kind name [mode]"
-- ("-- expect: none" when there are none). Names render holes as {name}.

-- ==== select: three-part name
SELECT meter_id, kwh FROM prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== select: two-part name with alias
SELECT r.* FROM silver_metering.readings r
-- expect: read table silver_metering.readings

-- ==== select: one-part name
SELECT * FROM readings
-- expect: read table readings

-- ==== select: inner join
SELECT r.meter_id, m.region FROM prod_de.silver_metering.readings r JOIN prod_de.silver_metering.meters m ON r.meter_id = m.meter_id
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: left outer join with AS alias
SELECT * FROM prod_fr.silver_billing.invoices AS i LEFT OUTER JOIN prod_fr.silver_billing.customers AS c ON i.customer_id = c.id
-- expect: read table prod_fr.silver_billing.invoices
-- expect: read table prod_fr.silver_billing.customers

-- ==== select: right join
SELECT * FROM prod_nl.silver_grid.substations s RIGHT JOIN prod_nl.silver_grid.feeders f ON s.id = f.substation_id
-- expect: read table prod_nl.silver_grid.substations
-- expect: read table prod_nl.silver_grid.feeders

-- ==== select: full outer join
SELECT * FROM prod_de.silver_metering.readings a FULL OUTER JOIN prod_de.silver_metering.readings_late b ON a.id = b.id
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings_late

-- ==== select: left semi join
SELECT * FROM prod_de.silver_metering.meters m LEFT SEMI JOIN prod_de.silver_metering.readings r ON m.meter_id = r.meter_id
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== select: left anti join
SELECT * FROM prod_de.silver_metering.meters m LEFT ANTI JOIN prod_de.silver_metering.decommissioned d ON m.meter_id = d.meter_id
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.decommissioned

-- ==== select: cross join
SELECT * FROM prod_lu.silver_ref.regions CROSS JOIN prod_lu.silver_ref.calendar
-- expect: read table prod_lu.silver_ref.regions
-- expect: read table prod_lu.silver_ref.calendar

-- ==== select: natural join
SELECT * FROM prod_lu.silver_ref.regions NATURAL JOIN prod_lu.silver_ref.region_names
-- expect: read table prod_lu.silver_ref.regions
-- expect: read table prod_lu.silver_ref.region_names

-- ==== select: join using
SELECT * FROM prod_de.silver_metering.readings JOIN prod_de.silver_metering.meters USING (meter_id)
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: comma join
SELECT * FROM prod_de.silver_metering.readings r, prod_de.silver_metering.meters m WHERE r.meter_id = m.meter_id
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: comma join of three
SELECT * FROM a_cat.s1.t1, a_cat.s1.t2, a_cat.s1.t3
-- expect: read table a_cat.s1.t1
-- expect: read table a_cat.s1.t2
-- expect: read table a_cat.s1.t3

-- ==== select: five joins
SELECT * FROM prod_de.gold_x.f f JOIN prod_de.gold_x.d1 d1 ON f.a = d1.a JOIN prod_de.gold_x.d2 d2 ON f.b = d2.b LEFT JOIN prod_de.gold_x.d3 d3 ON f.c = d3.c INNER JOIN prod_de.gold_x.d4 d4 ON f.d = d4.d
-- expect: read table prod_de.gold_x.f
-- expect: read table prod_de.gold_x.d1
-- expect: read table prod_de.gold_x.d2
-- expect: read table prod_de.gold_x.d3
-- expect: read table prod_de.gold_x.d4

-- ==== select: where, group by, having, order by, limit
SELECT region, sum(kwh) AS kwh FROM prod_de.silver_metering.readings WHERE reading_date >= '2024-01-01' GROUP BY region HAVING sum(kwh) > 10 ORDER BY kwh DESC LIMIT 10
-- expect: read table prod_de.silver_metering.readings

-- ==== select: group by list does not continue the from list
SELECT a, b, count(*) FROM prod_de.silver_metering.readings GROUP BY a, b
-- expect: read table prod_de.silver_metering.readings

-- ==== select: order by list
SELECT * FROM prod_de.silver_metering.readings ORDER BY meter_id, ts
-- expect: read table prod_de.silver_metering.readings

-- ==== select: distribute and sort by
SELECT * FROM prod_de.silver_metering.readings DISTRIBUTE BY meter_id SORT BY ts, kwh
-- expect: read table prod_de.silver_metering.readings

-- ==== select: cluster by
SELECT * FROM prod_de.silver_metering.readings CLUSTER BY meter_id, region
-- expect: read table prod_de.silver_metering.readings

-- ==== select: window clause
SELECT meter_id, sum(kwh) OVER w FROM prod_de.silver_metering.readings WINDOW w AS (PARTITION BY meter_id ORDER BY ts ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
-- expect: read table prod_de.silver_metering.readings

-- ==== select: qualify
SELECT * FROM prod_de.silver_metering.readings QUALIFY row_number() OVER (PARTITION BY meter_id ORDER BY ts DESC) = 1
-- expect: read table prod_de.silver_metering.readings

-- ==== select: subquery in from
SELECT * FROM (SELECT meter_id, kwh FROM prod_de.silver_metering.readings WHERE kwh > 0) AS pos
-- expect: read table prod_de.silver_metering.readings

-- ==== select: subquery joined
SELECT * FROM prod_de.silver_metering.meters m JOIN (SELECT meter_id, max(ts) AS ts FROM prod_de.silver_metering.readings GROUP BY meter_id) l ON m.meter_id = l.meter_id
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== select: scalar subquery in select list
SELECT m.*, (SELECT max(kwh) FROM prod_de.silver_metering.readings r WHERE r.meter_id = m.meter_id) AS peak FROM prod_de.silver_metering.meters m
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: IN subquery
SELECT * FROM prod_fr.silver_billing.invoices WHERE customer_id IN (SELECT id FROM prod_fr.silver_billing.customers WHERE country = 'FR')
-- expect: read table prod_fr.silver_billing.invoices
-- expect: read table prod_fr.silver_billing.customers

-- ==== select: EXISTS subquery
SELECT * FROM prod_fr.silver_billing.customers c WHERE EXISTS (SELECT 1 FROM prod_fr.silver_billing.invoices i WHERE i.customer_id = c.id)
-- expect: read table prod_fr.silver_billing.customers
-- expect: read table prod_fr.silver_billing.invoices

-- ==== select: NOT EXISTS subquery
SELECT * FROM prod_fr.silver_billing.customers c WHERE NOT EXISTS (SELECT 1 FROM prod_fr.silver_billing.churned x WHERE x.id = c.id)
-- expect: read table prod_fr.silver_billing.customers
-- expect: read table prod_fr.silver_billing.churned

-- ==== select: nested subqueries three deep
SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM prod_nl.silver_grid.outages) a) b) c
-- expect: read table prod_nl.silver_grid.outages

-- ==== select: union all
SELECT meter_id FROM prod_de.silver_metering.meters UNION ALL SELECT meter_id FROM prod_fr.silver_metering.meters
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_fr.silver_metering.meters

-- ==== select: union distinct of three
SELECT id FROM prod_de.silver_x.a UNION SELECT id FROM prod_de.silver_x.b UNION DISTINCT SELECT id FROM prod_de.silver_x.c
-- expect: read table prod_de.silver_x.a
-- expect: read table prod_de.silver_x.b
-- expect: read table prod_de.silver_x.c

-- ==== select: intersect
SELECT meter_id FROM prod_de.silver_metering.meters INTERSECT SELECT meter_id FROM prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== select: except
SELECT meter_id FROM prod_de.silver_metering.meters EXCEPT SELECT meter_id FROM prod_de.silver_metering.decommissioned
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.decommissioned

-- ==== select: minus
SELECT meter_id FROM prod_de.silver_metering.meters MINUS SELECT meter_id FROM prod_de.silver_metering.decommissioned
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.decommissioned

-- ==== select: parenthesised set operation
(SELECT id FROM prod_de.silver_x.a) UNION ALL (SELECT id FROM prod_de.silver_x.b)
-- expect: read table prod_de.silver_x.a
-- expect: read table prod_de.silver_x.b

-- ==== select: TABLE statement
TABLE prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== select: FROM first
FROM prod_de.silver_metering.readings SELECT meter_id, kwh
-- expect: read table prod_de.silver_metering.readings

-- ==== select: distinct
SELECT DISTINCT region FROM prod_lu.silver_ref.regions
-- expect: read table prod_lu.silver_ref.regions

-- ==== select: case and cast
SELECT CASE WHEN kwh > 10 THEN 'high' ELSE 'low' END AS band, CAST(ts AS DATE) AS d FROM prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== select: EXTRACT FROM is not a table
SELECT EXTRACT(YEAR FROM ts) AS y, EXTRACT(MONTH FROM ts) AS m FROM prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== select: TRIM FROM is not a table
SELECT TRIM(BOTH ' ' FROM customer_name) AS n, TRIM(LEADING '0' FROM code) FROM prod_fr.silver_billing.customers
-- expect: read table prod_fr.silver_billing.customers

-- ==== select: SUBSTRING FROM is not a table
SELECT SUBSTRING(meter_code FROM 3 FOR 4) FROM prod_nl.silver_grid.meters
-- expect: read table prod_nl.silver_grid.meters

-- ==== select: OVERLAY and POSITION
SELECT OVERLAY(code PLACING 'X' FROM 2 FOR 1), POSITION('a' IN code) FROM prod_nl.silver_grid.meters
-- expect: read table prod_nl.silver_grid.meters

-- ==== select: IS DISTINCT FROM is not a table
SELECT * FROM prod_de.silver_x.a a JOIN prod_de.silver_x.b b ON a.k IS NOT DISTINCT FROM b.k WHERE a.v IS DISTINCT FROM b.v
-- expect: read table prod_de.silver_x.a
-- expect: read table prod_de.silver_x.b

-- ==== select: range table-valued function
SELECT id FROM range(10)
-- expect: none

-- ==== select: range joined with a table
SELECT * FROM range(0, 24) h CROSS JOIN prod_lu.silver_ref.regions r
-- expect: read table prod_lu.silver_ref.regions

-- ==== select: explode table-valued function
SELECT * FROM explode(array(1, 2, 3)) AS t(x)
-- expect: none

-- ==== select: read_files is not a table
SELECT * FROM read_files('/Volumes/prod/landing/readings', format => 'csv', header => true)
-- expect: none

-- ==== select: VALUES in from
SELECT * FROM VALUES (1, 'DE'), (2, 'FR') AS v(id, country)
-- expect: none

-- ==== select: inline VALUES subquery joined
SELECT * FROM prod_lu.silver_ref.regions r JOIN (VALUES ('DE', 1), ('FR', 2)) AS v(c, n) ON r.country = v.c
-- expect: read table prod_lu.silver_ref.regions

-- ==== select: VALUES statement
VALUES (1, 2), (3, 4)
-- expect: none

-- ==== select: lateral view explode
SELECT m.meter_id, t.tag FROM prod_de.silver_metering.meters m LATERAL VIEW explode(tags) t AS tag
-- expect: read table prod_de.silver_metering.meters

-- ==== select: lateral view with two column aliases
SELECT * FROM prod_de.silver_metering.meters LATERAL VIEW OUTER explode(attrs) a AS k, v WHERE k = 'x'
-- expect: read table prod_de.silver_metering.meters

-- ==== select: two lateral views
SELECT * FROM prod_de.silver_metering.meters LATERAL VIEW explode(a) x AS xa LATERAL VIEW posexplode(b) y AS p, yb
-- expect: read table prod_de.silver_metering.meters

-- ==== select: lateral subquery
SELECT * FROM prod_de.silver_metering.meters m, LATERAL (SELECT max(kwh) FROM prod_de.silver_metering.readings r WHERE r.meter_id = m.meter_id)
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== select: join lateral
SELECT * FROM prod_de.silver_metering.meters m JOIN LATERAL (SELECT * FROM prod_de.silver_metering.readings r WHERE r.meter_id = m.meter_id LIMIT 1) ON true
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== select: timestamp as of
SELECT * FROM prod_de.silver_metering.readings TIMESTAMP AS OF '2024-06-01'
-- expect: read table prod_de.silver_metering.readings

-- ==== select: version as of
SELECT * FROM prod_de.silver_metering.readings VERSION AS OF 42
-- expect: read table prod_de.silver_metering.readings

-- ==== select: at-version suffix
SELECT * FROM prod_de.silver_metering.readings@v42
-- expect: read table prod_de.silver_metering.readings

-- ==== select: tablesample
SELECT * FROM prod_de.silver_metering.readings TABLESAMPLE (5 PERCENT)
-- expect: read table prod_de.silver_metering.readings

-- ==== select: tablesample rows then join
SELECT * FROM prod_de.silver_metering.readings TABLESAMPLE (100 ROWS) r JOIN prod_de.silver_metering.meters m ON r.meter_id = m.meter_id
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: pivot
SELECT * FROM prod_de.gold_x.monthly PIVOT (sum(kwh) FOR month IN ('jan' AS jan, 'feb' AS feb))
-- expect: read table prod_de.gold_x.monthly

-- ==== select: unpivot
SELECT * FROM prod_de.gold_x.wide UNPIVOT (kwh FOR month IN (jan, feb, mar))
-- expect: read table prod_de.gold_x.wide

-- ==== select: lambda functions
SELECT transform(readings, x -> x * 2), filter(readings, x -> x > 0) FROM prod_de.silver_metering.meter_arrays
-- expect: read table prod_de.silver_metering.meter_arrays

-- ==== select: aggregate filter clause
SELECT count(*) FILTER (WHERE kwh > 0) FROM prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== select: JSON path with colon
SELECT raw:meter.id, raw:reading::double FROM prod_de.bronze_metering.events
-- expect: read table prod_de.bronze_metering.events

-- ==== select: star except
SELECT * EXCEPT (raw, _rescued) FROM prod_de.bronze_metering.events
-- expect: read table prod_de.bronze_metering.events

-- ==== select: keywords in string literal
SELECT 'SELECT * FROM prod.fake.table' AS q FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: keywords in double-quoted string
SELECT "JOIN prod.fake.table ON" AS q FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: escaped quote in string
SELECT 'it\'s FROM prod.fake.t' AS q FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: raw string
SELECT r'C:\data\' AS p FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: line comment
SELECT * -- FROM prod.fake.t
FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: block comment
SELECT * /* JOIN prod.fake.t */ FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: nested block comment
SELECT * /* outer /* inner FROM prod.fake.a */ still comment FROM prod.fake.b */ FROM prod_de.silver_x.real_one
-- expect: read table prod_de.silver_x.real_one

-- ==== select: multi-line statement
SELECT
  r.meter_id,
  r.kwh
FROM
  prod_de.silver_metering.readings AS r
  INNER JOIN prod_de.silver_metering.meters AS m
    ON r.meter_id = m.meter_id
WHERE r.kwh > 0
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: lower-case keywords
select * from prod_de.silver_metering.readings r left join prod_de.silver_metering.meters m on r.id = m.id
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== select: mixed-case keywords
SeLeCt * FrOm prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== select: table names that look like keywords
SELECT * FROM prod_de.silver_x.`order` JOIN prod_de.silver_x.`select` ON 1 = 1
-- expect: read table prod_de.silver_x.order
-- expect: read table prod_de.silver_x.select

-- ==== select: table named like a function without parentheses
SELECT * FROM prod_de.silver_x.range
-- expect: read table prod_de.silver_x.range

-- ==== select: name starting with a digit
SELECT * FROM prod_de.silver_x.2024_readings
-- expect: read table prod_de.silver_x.2024_readings

-- ==== select: unicode identifier in backticks
SELECT * FROM prod_lu.silver_ref.`régions`
-- expect: read table prod_lu.silver_ref.régions

-- ==== select: spaces around dots
SELECT * FROM prod_de . silver_x . readings
-- expect: read table prod_de.silver_x.readings

-- ==== backtick: every part quoted
SELECT * FROM `prod_de`.`silver_metering`.`readings`
-- expect: read table prod_de.silver_metering.readings

-- ==== backtick: hyphenated catalog and table
SELECT * FROM `my-cat`.silver_x.`t-1`
-- expect: read table my-cat.silver_x.t-1

-- ==== backtick: hyphenated schema
SELECT * FROM prod_de.`silver-metering`.readings
-- expect: read table prod_de.silver-metering.readings

-- ==== backtick: escaped backtick
SELECT * FROM prod_de.silver_x.`odd``name`
-- expect: read table prod_de.silver_x.odd`name

-- ==== backtick: space inside
SELECT * FROM prod_de.silver_x.`meter readings`
-- expect: read table prod_de.silver_x.meter readings

-- ==== backtick: quoted join target
SELECT * FROM `dev-cat`.bronze.`raw-events` e JOIN `dev-cat`.bronze.`raw-meters` m ON e.m = m.id
-- expect: read table dev-cat.bronze.raw-events
-- expect: read table dev-cat.bronze.raw-meters

-- ==== backtick: insert into quoted
INSERT INTO `prod-de`.gold_x.`daily-kwh` SELECT * FROM `prod-de`.silver_x.`readings-v2`
-- expect: write table prod-de.gold_x.daily-kwh append
-- expect: read table prod-de.silver_x.readings-v2

-- ==== backtick: quoted column named like keywords is not a table
SELECT `from`, `join` FROM prod_de.silver_x.odd_columns
-- expect: read table prod_de.silver_x.odd_columns

-- ==== cte: single
WITH latest AS (SELECT meter_id, max(ts) AS ts FROM prod_de.silver_metering.readings GROUP BY meter_id) SELECT * FROM latest
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: two ctes, second uses first
WITH a AS (SELECT * FROM prod_de.silver_x.src), b AS (SELECT * FROM a WHERE x > 1) SELECT * FROM b
-- expect: read table prod_de.silver_x.src

-- ==== cte: shadows a real name
WITH readings AS (SELECT * FROM prod_de.silver_metering.readings WHERE kwh > 0) SELECT * FROM readings
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: shadow ends with the statement
WITH readings AS (SELECT 1 AS x) SELECT * FROM readings; SELECT * FROM readings
-- expect: read table readings

-- ==== cte: qualified name is not the cte
WITH readings AS (SELECT 1 AS x) SELECT * FROM prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: column aliases
WITH daily (d, kwh) AS (SELECT to_date(ts), sum(kwh) FROM prod_de.silver_metering.readings GROUP BY 1) SELECT * FROM daily
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: without AS
WITH daily (SELECT * FROM prod_de.silver_metering.readings) SELECT * FROM daily
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: recursive
WITH RECURSIVE hierarchy AS (SELECT id, parent FROM prod_nl.silver_grid.nodes WHERE parent IS NULL UNION ALL SELECT n.id, n.parent FROM prod_nl.silver_grid.nodes n JOIN hierarchy h ON n.parent = h.id) SELECT * FROM hierarchy
-- expect: read table prod_nl.silver_grid.nodes
-- expect: read table prod_nl.silver_grid.nodes

-- ==== cte: joined with a table
WITH m AS (SELECT * FROM prod_de.silver_metering.meters) SELECT * FROM m JOIN prod_de.silver_metering.readings r ON m.meter_id = r.meter_id
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: nested inside a subquery
SELECT * FROM (WITH x AS (SELECT * FROM prod_de.silver_x.a) SELECT * FROM x) y JOIN prod_de.silver_x.b ON 1 = 1
-- expect: read table prod_de.silver_x.a
-- expect: read table prod_de.silver_x.b

-- ==== cte: backticked cte name
WITH `my cte` AS (SELECT * FROM prod_de.silver_x.a) SELECT * FROM `my cte`
-- expect: read table prod_de.silver_x.a

-- ==== cte: before insert
WITH src AS (SELECT * FROM prod_de.silver_metering.readings) INSERT INTO prod_de.gold_x.daily SELECT * FROM src
-- expect: read table prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily append

-- ==== cte: inside insert select
INSERT OVERWRITE prod_de.gold_x.daily WITH src AS (SELECT * FROM prod_de.silver_metering.readings) SELECT * FROM src
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: inside ctas
CREATE TABLE prod_de.gold_x.peaks AS WITH p AS (SELECT * FROM prod_de.silver_metering.readings) SELECT * FROM p
-- expect: write table prod_de.gold_x.peaks create
-- expect: read table prod_de.silver_metering.readings

-- ==== cte: case-insensitive shadowing
WITH Latest AS (SELECT * FROM prod_de.silver_x.a) SELECT * FROM LATEST
-- expect: read table prod_de.silver_x.a

-- ==== insert: into
INSERT INTO prod_de.gold_x.daily SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: into table
INSERT INTO TABLE prod_de.gold_x.daily SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: overwrite
INSERT OVERWRITE prod_de.gold_x.daily SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: overwrite table
INSERT OVERWRITE TABLE prod_de.gold_x.daily SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: static partition
INSERT OVERWRITE TABLE prod_de.gold_x.daily PARTITION (reading_date = '2024-06-01') SELECT meter_id, kwh FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: dynamic partition
INSERT INTO prod_de.gold_x.daily PARTITION (country = 'DE', reading_date) SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: column list
INSERT INTO prod_de.gold_x.daily (meter_id, kwh) SELECT meter_id, kwh FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: values
INSERT INTO prod_lu.silver_ref.regions VALUES (1, 'Luxembourg'), (2, 'Esch')
-- expect: write table prod_lu.silver_ref.regions append

-- ==== insert: column list and values
INSERT INTO prod_lu.silver_ref.regions (id, name) VALUES (3, 'Diekirch')
-- expect: write table prod_lu.silver_ref.regions append

-- ==== insert: replace where
INSERT INTO prod_de.gold_x.daily REPLACE WHERE reading_date = '2024-06-01' SELECT * FROM prod_de.silver_metering.readings WHERE reading_date = '2024-06-01'
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: replace where with table keyword
INSERT INTO TABLE prod_de.gold_x.daily REPLACE WHERE d >= '2024-01-01' AND d < '2024-02-01' SELECT * FROM prod_de.silver_x.src
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_x.src

-- ==== insert: by name
INSERT INTO prod_de.gold_x.daily BY NAME SELECT kwh, meter_id FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_metering.readings

-- ==== insert: table source
INSERT INTO prod_de.gold_x.daily TABLE prod_de.gold_x.daily_staging
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.gold_x.daily_staging

-- ==== insert: self read
INSERT INTO prod_de.silver_x.events SELECT * FROM prod_de.silver_x.events WHERE false
-- expect: write table prod_de.silver_x.events append
-- expect: read table prod_de.silver_x.events

-- ==== insert: union source
INSERT INTO prod_de.gold_x.all_meters SELECT id FROM prod_de.silver_x.m1 UNION ALL SELECT id FROM prod_fr.silver_x.m2
-- expect: write table prod_de.gold_x.all_meters append
-- expect: read table prod_de.silver_x.m1
-- expect: read table prod_fr.silver_x.m2

-- ==== insert: join source
INSERT OVERWRITE prod_de.gold_x.enriched SELECT r.*, m.region FROM prod_de.silver_metering.readings r JOIN prod_de.silver_metering.meters m ON r.meter_id = m.meter_id
-- expect: write table prod_de.gold_x.enriched overwrite
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== insert: parenthesised select
INSERT INTO prod_de.gold_x.daily (SELECT * FROM prod_de.silver_x.src)
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_x.src

-- ==== insert: overwrite directory
INSERT OVERWRITE DIRECTORY '/mnt/exports/daily' USING parquet SELECT * FROM prod_de.gold_x.daily
-- expect: write path /mnt/exports/daily overwrite
-- expect: read table prod_de.gold_x.daily

-- ==== insert: multi-insert
FROM prod_de.silver_metering.readings INSERT OVERWRITE TABLE prod_de.gold_x.hourly SELECT meter_id, hour(ts) INSERT INTO prod_de.gold_x.daily SELECT meter_id, to_date(ts)
-- expect: read table prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.hourly overwrite
-- expect: write table prod_de.gold_x.daily append

-- ==== insert: into path
INSERT INTO delta.`/mnt/lake/gold/daily` SELECT * FROM prod_de.silver_x.src
-- expect: write path /mnt/lake/gold/daily append
-- expect: read table prod_de.silver_x.src

-- ==== insert: if not exists partition
INSERT OVERWRITE TABLE prod_de.gold_x.daily PARTITION (d = '2024-06-01') IF NOT EXISTS SELECT * FROM prod_de.silver_x.src
-- expect: write table prod_de.gold_x.daily overwrite
-- expect: read table prod_de.silver_x.src

-- ==== merge: basic
MERGE INTO prod_de.silver_metering.meters t USING prod_de.bronze_metering.meters s ON t.meter_id = s.meter_id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *
-- expect: write table prod_de.silver_metering.meters merge
-- expect: read table prod_de.bronze_metering.meters

-- ==== merge: AS aliases
MERGE INTO prod_de.silver_metering.meters AS tgt USING prod_de.bronze_metering.meters AS src ON tgt.meter_id = src.meter_id WHEN MATCHED THEN DELETE
-- expect: write table prod_de.silver_metering.meters merge
-- expect: read table prod_de.bronze_metering.meters

-- ==== merge: subquery source
MERGE INTO prod_fr.silver_billing.customers t USING (SELECT * FROM prod_fr.bronze_billing.customers WHERE _op <> 'D') s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.name = s.name, t.email = s.email WHEN NOT MATCHED THEN INSERT (id, name, email) VALUES (s.id, s.name, s.email)
-- expect: write table prod_fr.silver_billing.customers merge
-- expect: read table prod_fr.bronze_billing.customers

-- ==== merge: subquery source with join
MERGE INTO prod_fr.silver_billing.invoices t USING (SELECT i.*, c.segment FROM prod_fr.bronze_billing.invoices i JOIN prod_fr.silver_billing.customers c ON i.cid = c.id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT *
-- expect: write table prod_fr.silver_billing.invoices merge
-- expect: read table prod_fr.bronze_billing.invoices
-- expect: read table prod_fr.silver_billing.customers

-- ==== merge: not matched by source
MERGE INTO prod_nl.silver_grid.assets t USING prod_nl.bronze_grid.assets s ON t.id = s.id WHEN MATCHED AND s.deleted THEN DELETE WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT * WHEN NOT MATCHED BY SOURCE THEN DELETE
-- expect: write table prod_nl.silver_grid.assets merge
-- expect: read table prod_nl.bronze_grid.assets

-- ==== merge: with schema evolution
MERGE WITH SCHEMA EVOLUTION INTO prod_nl.silver_grid.assets t USING prod_nl.bronze_grid.assets s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write table prod_nl.silver_grid.assets merge
-- expect: read table prod_nl.bronze_grid.assets

-- ==== merge: cte source
WITH s AS (SELECT * FROM prod_nl.bronze_grid.assets) MERGE INTO prod_nl.silver_grid.assets t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: read table prod_nl.bronze_grid.assets
-- expect: write table prod_nl.silver_grid.assets merge

-- ==== merge: self merge
MERGE INTO prod_de.silver_x.t a USING prod_de.silver_x.t b ON a.id = b.id WHEN MATCHED THEN DELETE
-- expect: write table prod_de.silver_x.t merge
-- expect: read table prod_de.silver_x.t

-- ==== merge: backticked names
MERGE INTO `prod-de`.silver_x.`meters-v2` t USING `prod-de`.bronze_x.`meters-raw` s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write table prod-de.silver_x.meters-v2 merge
-- expect: read table prod-de.bronze_x.meters-raw

-- ==== merge: condition with subquery
MERGE INTO prod_de.silver_x.t t USING prod_de.bronze_x.t s ON t.id = s.id WHEN MATCHED AND s.region IN (SELECT code FROM prod_lu.silver_ref.regions) THEN UPDATE SET *
-- expect: write table prod_de.silver_x.t merge
-- expect: read table prod_de.bronze_x.t
-- expect: read table prod_lu.silver_ref.regions

-- ==== merge: path target
MERGE INTO delta.`/mnt/lake/silver/meters` t USING prod_de.bronze_x.meters s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write path /mnt/lake/silver/meters merge
-- expect: read table prod_de.bronze_x.meters

-- ==== create: table with columns
CREATE TABLE prod_de.silver_metering.readings (meter_id STRING, ts TIMESTAMP, kwh DOUBLE) USING delta
-- expect: write table prod_de.silver_metering.readings create

-- ==== create: if not exists
CREATE TABLE IF NOT EXISTS prod_de.silver_metering.readings (meter_id STRING) USING delta PARTITIONED BY (meter_id)
-- expect: write table prod_de.silver_metering.readings create

-- ==== create: or replace table
CREATE OR REPLACE TABLE prod_de.gold_x.daily (d DATE, kwh DOUBLE) USING delta
-- expect: write table prod_de.gold_x.daily replace

-- ==== create: ctas
CREATE TABLE prod_de.gold_x.daily AS SELECT to_date(ts) d, sum(kwh) kwh FROM prod_de.silver_metering.readings GROUP BY 1
-- expect: write table prod_de.gold_x.daily create
-- expect: read table prod_de.silver_metering.readings

-- ==== create: or replace ctas
CREATE OR REPLACE TABLE prod_de.gold_x.daily USING delta AS SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily replace
-- expect: read table prod_de.silver_metering.readings

-- ==== create: ctas with options
CREATE TABLE prod_de.gold_x.daily USING delta PARTITIONED BY (d) LOCATION 's3://lake/gold/daily' TBLPROPERTIES ('delta.appendOnly' = 'true', 'owner' = 'de') COMMENT 'daily kwh' AS SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.daily create
-- expect: read table prod_de.silver_metering.readings

-- ==== create: external table
CREATE EXTERNAL TABLE prod_de.bronze_x.landing (line STRING) LOCATION 's3://landing/x'
-- expect: write table prod_de.bronze_x.landing create

-- ==== create: view
CREATE VIEW prod_de.gold_x.v_daily AS SELECT * FROM prod_de.gold_x.daily
-- expect: write table prod_de.gold_x.v_daily create
-- expect: read table prod_de.gold_x.daily

-- ==== create: or replace view
CREATE OR REPLACE VIEW prod_de.gold_x.v_daily AS SELECT * FROM prod_de.gold_x.daily WHERE kwh > 0
-- expect: write table prod_de.gold_x.v_daily replace
-- expect: read table prod_de.gold_x.daily

-- ==== create: view if not exists with column list
CREATE VIEW IF NOT EXISTS prod_de.gold_x.v_daily (d COMMENT 'day', kwh) AS SELECT d, kwh FROM prod_de.gold_x.daily
-- expect: write table prod_de.gold_x.v_daily create
-- expect: read table prod_de.gold_x.daily

-- ==== create: temp view is not a table
CREATE TEMP VIEW recent AS SELECT * FROM prod_de.silver_metering.readings WHERE ts > now() - INTERVAL 1 DAY
-- expect: read table prod_de.silver_metering.readings

-- ==== create: temporary view read later
CREATE OR REPLACE TEMPORARY VIEW recent AS SELECT * FROM prod_de.silver_metering.readings; INSERT INTO prod_de.gold_x.recent SELECT * FROM recent
-- expect: read table prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.recent append

-- ==== create: global temp view read through global_temp
CREATE GLOBAL TEMP VIEW shared_recent AS SELECT * FROM prod_de.silver_metering.readings; SELECT * FROM global_temp.shared_recent
-- expect: read table prod_de.silver_metering.readings

-- ==== create: temp view joined with a real table
CREATE TEMP VIEW m AS SELECT * FROM prod_de.silver_metering.meters; SELECT * FROM m JOIN prod_de.silver_metering.readings r ON m.id = r.id
-- expect: read table prod_de.silver_metering.meters
-- expect: read table prod_de.silver_metering.readings

-- ==== create: materialized view
CREATE MATERIALIZED VIEW prod_de.gold_x.mv_daily AS SELECT * FROM prod_de.silver_metering.readings
-- expect: write table prod_de.gold_x.mv_daily create
-- expect: read table prod_de.silver_metering.readings

-- ==== create: streaming table (declarative)
CREATE OR REFRESH STREAMING TABLE silver_readings AS SELECT * FROM STREAM(live.bronze_readings)
-- expect: write table silver_readings
-- expect: read table live.bronze_readings

-- ==== create: live table (declarative)
CREATE LIVE TABLE gold_daily AS SELECT * FROM live.silver_readings
-- expect: write table gold_daily
-- expect: read table live.silver_readings

-- ==== create: shallow clone
CREATE TABLE prod_de.sandbox.readings_copy SHALLOW CLONE prod_de.silver_metering.readings
-- expect: write table prod_de.sandbox.readings_copy create
-- expect: read table prod_de.silver_metering.readings

-- ==== create: deep clone or replace
CREATE OR REPLACE TABLE prod_de.sandbox.readings_copy DEEP CLONE prod_de.silver_metering.readings VERSION AS OF 12
-- expect: write table prod_de.sandbox.readings_copy replace
-- expect: read table prod_de.silver_metering.readings

-- ==== create: like copies only the schema
CREATE TABLE prod_de.sandbox.readings_empty LIKE prod_de.silver_metering.readings
-- expect: write table prod_de.sandbox.readings_empty create

-- ==== create: replace table as select
REPLACE TABLE prod_de.gold_x.daily USING delta AS SELECT * FROM prod_de.silver_x.src
-- expect: write table prod_de.gold_x.daily replace
-- expect: read table prod_de.silver_x.src

-- ==== create: struct and decimal columns
CREATE TABLE prod_fr.silver_billing.invoices (id BIGINT NOT NULL, amount DECIMAL(12,2), lines ARRAY<STRUCT<sku: STRING, qty: INT>>, CONSTRAINT pk PRIMARY KEY (id)) USING delta
-- expect: write table prod_fr.silver_billing.invoices create

-- ==== create: generated column
CREATE TABLE prod_de.silver_metering.readings_g (ts TIMESTAMP, d DATE GENERATED ALWAYS AS (CAST(ts AS DATE))) USING delta
-- expect: write table prod_de.silver_metering.readings_g create

-- ==== create: cluster by
CREATE TABLE prod_de.silver_metering.readings_c (meter_id STRING, ts TIMESTAMP) CLUSTER BY (meter_id, ts)
-- expect: write table prod_de.silver_metering.readings_c create

-- ==== create: schema is not an access
CREATE SCHEMA IF NOT EXISTS prod_de.gold_x COMMENT 'gold'
-- expect: none

-- ==== create: database is not an access
CREATE DATABASE IF NOT EXISTS silver_metering LOCATION 's3://lake/silver'
-- expect: none

-- ==== create: catalog is not an access
CREATE CATALOG IF NOT EXISTS prod_de
-- expect: none

-- ==== create: function is not an access
CREATE OR REPLACE FUNCTION prod_de.util.kwh_to_mwh(x DOUBLE) RETURNS DOUBLE RETURN x / 1000
-- expect: none

-- ==== update: basic
UPDATE prod_de.silver_metering.meters SET status = 'inactive' WHERE last_seen < '2023-01-01'
-- expect: write table prod_de.silver_metering.meters update

-- ==== update: with alias and subquery
UPDATE prod_de.silver_metering.meters AS m SET region = 'north' WHERE m.meter_id IN (SELECT meter_id FROM prod_de.silver_metering.relocations)
-- expect: write table prod_de.silver_metering.meters update
-- expect: read table prod_de.silver_metering.relocations

-- ==== update: backticked
UPDATE `prod-de`.silver_x.`meters-v2` SET a = 1
-- expect: write table prod-de.silver_x.meters-v2 update

-- ==== delete: basic
DELETE FROM prod_fr.silver_billing.customers WHERE gdpr_erased = true
-- expect: write table prod_fr.silver_billing.customers delete

-- ==== delete: with subquery
DELETE FROM prod_fr.silver_billing.invoices WHERE customer_id IN (SELECT id FROM prod_fr.silver_billing.erasure_requests)
-- expect: write table prod_fr.silver_billing.invoices delete
-- expect: read table prod_fr.silver_billing.erasure_requests

-- ==== delete: without where
DELETE FROM prod_de.sandbox.scratch
-- expect: write table prod_de.sandbox.scratch delete

-- ==== delete: with alias
DELETE FROM prod_de.sandbox.scratch s WHERE s.ts < current_date() - 30
-- expect: write table prod_de.sandbox.scratch delete

-- ==== truncate: basic
TRUNCATE TABLE prod_de.sandbox.scratch
-- expect: write table prod_de.sandbox.scratch truncate

-- ==== truncate: partition
TRUNCATE TABLE prod_de.gold_x.daily PARTITION (d = '2024-06-01')
-- expect: write table prod_de.gold_x.daily truncate

-- ==== drop: table
DROP TABLE prod_de.sandbox.scratch
-- expect: write table prod_de.sandbox.scratch drop

-- ==== drop: table if exists purge
DROP TABLE IF EXISTS prod_de.sandbox.scratch PURGE
-- expect: write table prod_de.sandbox.scratch drop

-- ==== drop: view
DROP VIEW IF EXISTS prod_de.gold_x.v_daily
-- expect: write table prod_de.gold_x.v_daily drop

-- ==== drop: materialized view
DROP MATERIALIZED VIEW prod_de.gold_x.mv_daily
-- expect: write table prod_de.gold_x.mv_daily drop

-- ==== drop: temp view is not a table
CREATE TEMP VIEW scratch_v AS SELECT 1; DROP VIEW scratch_v
-- expect: none

-- ==== drop: temporary view
DROP TEMPORARY VIEW IF EXISTS whatever_v
-- expect: none

-- ==== drop: schema is not an access
DROP SCHEMA IF EXISTS prod_de.sandbox CASCADE
-- expect: none

-- ==== copy: from path
COPY INTO prod_de.bronze_metering.readings FROM 's3://landing/de/readings/' FILEFORMAT = CSV FORMAT_OPTIONS ('header' = 'true', 'delimiter' = ';') COPY_OPTIONS ('mergeSchema' = 'true')
-- expect: write table prod_de.bronze_metering.readings append
-- expect: read path s3://landing/de/readings/

-- ==== copy: from select over path
COPY INTO prod_de.bronze_metering.readings FROM (SELECT _c0 AS meter_id, _c1::double AS kwh FROM '/Volumes/prod_de/landing/readings') FILEFORMAT = CSV
-- expect: write table prod_de.bronze_metering.readings append
-- expect: read path /Volumes/prod_de/landing/readings

-- ==== copy: with files list
COPY INTO prod_nl.bronze_grid.events FROM 'abfss://landing@nlgrid.dfs.core.windows.net/events' FILEFORMAT = JSON FILES = ('a.json', 'b.json')
-- expect: write table prod_nl.bronze_grid.events append
-- expect: read path abfss://landing@nlgrid.dfs.core.windows.net/events

-- ==== copy: templated path
COPY INTO ${catalog}.bronze_metering.readings FROM '${landing_root}/readings' FILEFORMAT = PARQUET
-- expect: write table {catalog}.bronze_metering.readings append
-- expect: read path {landing_root}/readings

-- ==== cache: table
CACHE TABLE prod_lu.silver_ref.regions
-- expect: read table prod_lu.silver_ref.regions

-- ==== cache: lazy with options
CACHE LAZY TABLE prod_lu.silver_ref.regions OPTIONS ('storageLevel' 'MEMORY_ONLY')
-- expect: read table prod_lu.silver_ref.regions

-- ==== cache: as select defines a temporary view
CACHE TABLE hot_regions AS SELECT * FROM prod_lu.silver_ref.regions WHERE active; SELECT * FROM hot_regions
-- expect: read table prod_lu.silver_ref.regions

-- ==== cache: uncache is not an access
UNCACHE TABLE IF EXISTS prod_lu.silver_ref.regions
-- expect: none

-- ==== path: delta path read
SELECT * FROM delta.`/mnt/lake/silver/readings`
-- expect: read path /mnt/lake/silver/readings

-- ==== path: parquet path read
SELECT * FROM parquet.`s3://lake/bronze/readings/2024/`
-- expect: read path s3://lake/bronze/readings/2024/

-- ==== path: csv path
SELECT * FROM csv.`/Volumes/prod_de/landing/meters.csv`
-- expect: read path /Volumes/prod_de/landing/meters.csv

-- ==== path: json path
SELECT * FROM json.`/mnt/landing/events/`
-- expect: read path /mnt/landing/events/

-- ==== path: orc path
SELECT * FROM orc.`/mnt/legacy/orc_dump`
-- expect: read path /mnt/legacy/orc_dump

-- ==== path: text path
SELECT * FROM text.`/mnt/landing/raw.txt`
-- expect: read path /mnt/landing/raw.txt

-- ==== path: avro path
SELECT * FROM avro.`/mnt/landing/avro/`
-- expect: read path /mnt/landing/avro/

-- ==== path: binaryFile path
SELECT path, length FROM binaryFile.`/mnt/landing/images/`
-- expect: read path /mnt/landing/images/

-- ==== path: upper-case format
SELECT * FROM DELTA.`/mnt/lake/x`
-- expect: read path /mnt/lake/x

-- ==== path: joined with a table
SELECT * FROM delta.`/mnt/lake/silver/readings` r JOIN prod_de.silver_metering.meters m ON r.meter_id = m.meter_id
-- expect: read path /mnt/lake/silver/readings
-- expect: read table prod_de.silver_metering.meters

-- ==== path: templated path
SELECT * FROM delta.`${lake_root}/silver/readings`
-- expect: read path {lake_root}/silver/readings

-- ==== path: schema named like a format is a table
SELECT * FROM json.events_2024
-- expect: read table json.events_2024

-- ==== path: merge into path from path
MERGE INTO delta.`/mnt/lake/silver/m` t USING delta.`/mnt/lake/bronze/m` s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write path /mnt/lake/silver/m merge
-- expect: read path /mnt/lake/bronze/m

-- ==== path: create table over path is a create
CREATE TABLE delta.`/mnt/lake/gold/x` AS SELECT * FROM prod_de.silver_x.src
-- expect: write path /mnt/lake/gold/x create
-- expect: read table prod_de.silver_x.src

-- ==== template: dollar catalog
SELECT * FROM ${catalog}.silver_metering.readings
-- expect: read table {catalog}.silver_metering.readings

-- ==== template: brace env prefix
SELECT * FROM {env}_de.silver_metering.readings
-- expect: read table {env}_de.silver_metering.readings

-- ==== template: brace country suffix
SELECT * FROM prod_{country}.silver_metering.readings
-- expect: read table prod_{country}.silver_metering.readings

-- ==== template: dotted variable
SELECT * FROM ${pipeline.catalog}.silver_x.t
-- expect: read table {pipeline.catalog}.silver_x.t

-- ==== template: whole name is a placeholder
INSERT INTO {target_table} SELECT * FROM {source_table}
-- expect: write table {target_table} append
-- expect: read table {source_table}

-- ==== template: schema placeholder
SELECT * FROM prod_de.${schema}.readings
-- expect: read table prod_de.{schema}.readings

-- ==== template: table placeholder
MERGE INTO ${catalog}.silver_x.${table} t USING ${catalog}.bronze_x.${table} s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write table {catalog}.silver_x.{table} merge
-- expect: read table {catalog}.bronze_x.{table}

-- ==== template: two holes in one part
SELECT * FROM {env}_{country}.silver_x.t
-- expect: read table {env}_{country}.silver_x.t

-- ==== template: double braces
SELECT * FROM {{catalog}}.silver_x.t
-- expect: read table {catalog}.silver_x.t

-- ==== template: placeholder inside backticks
SELECT * FROM `{env}-cat`.silver_x.t
-- expect: read table {env}-cat.silver_x.t

-- ==== template: placeholder in a string is not a table
SELECT * FROM prod_de.silver_x.t WHERE region = '${region}'
-- expect: read table prod_de.silver_x.t

-- ==== template: create with placeholders
CREATE OR REPLACE TABLE ${catalog}.gold_x.daily AS SELECT * FROM ${catalog}.silver_x.readings WHERE d = '{run_date}'
-- expect: write table {catalog}.gold_x.daily replace
-- expect: read table {catalog}.silver_x.readings

-- ==== template: hiveconf variable
SELECT * FROM ${hiveconf:db}.readings
-- expect: read table {hiveconf:db}.readings

-- ==== identifier: literal
SELECT * FROM IDENTIFIER('prod_de.silver_metering.readings')
-- expect: read table prod_de.silver_metering.readings

-- ==== identifier: parameter marker
SELECT * FROM IDENTIFIER(:source_table)
-- expect: read table {source_table}

-- ==== identifier: concatenation
SELECT * FROM IDENTIFIER(:catalog || '.silver_metering.readings')
-- expect: read table {catalog}.silver_metering.readings

-- ==== identifier: write target
INSERT INTO IDENTIFIER(:target) SELECT * FROM IDENTIFIER('prod_de.silver_x.src')
-- expect: write table {target} append
-- expect: read table prod_de.silver_x.src

-- ==== identifier: quoted part inside literal
SELECT * FROM IDENTIFIER('prod_de.silver_x.`t-1`')
-- expect: read table prod_de.silver_x.t-1

-- ==== identifier: in merge
MERGE INTO IDENTIFIER(:tgt) t USING IDENTIFIER(:src) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write table {tgt} merge
-- expect: read table {src}

-- ==== maintenance: describe
DESCRIBE TABLE EXTENDED prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: desc
DESC prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: describe history
DESCRIBE HISTORY prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: describe detail
DESCRIBE DETAIL prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: show tables
SHOW TABLES IN prod_de.silver_metering
-- expect: none

-- ==== maintenance: show columns from
SHOW COLUMNS FROM prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: show create table
SHOW CREATE TABLE prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: show partitions
SHOW PARTITIONS prod_de.gold_x.daily
-- expect: none

-- ==== maintenance: show tblproperties
SHOW TBLPROPERTIES prod_de.gold_x.daily
-- expect: none

-- ==== maintenance: optimize
OPTIMIZE prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: optimize zorder
OPTIMIZE prod_de.silver_metering.readings WHERE d >= '2024-01-01' ZORDER BY (meter_id)
-- expect: none

-- ==== maintenance: vacuum
VACUUM prod_de.silver_metering.readings RETAIN 168 HOURS
-- expect: none

-- ==== maintenance: vacuum path
VACUUM delta.`/mnt/lake/silver/readings`
-- expect: none

-- ==== maintenance: analyze
ANALYZE TABLE prod_de.silver_metering.readings COMPUTE STATISTICS FOR ALL COLUMNS
-- expect: none

-- ==== maintenance: use catalog
USE CATALOG prod_de
-- expect: none

-- ==== maintenance: use schema
USE SCHEMA silver_metering
-- expect: none

-- ==== maintenance: use
USE prod_de.silver_metering
-- expect: none

-- ==== maintenance: set
SET spark.sql.shuffle.partitions = 64
-- expect: none

-- ==== maintenance: set variable with table-like text
SET target = prod_de.gold_x.daily
-- expect: none

-- ==== maintenance: reset
RESET spark.sql.shuffle.partitions
-- expect: none

-- ==== maintenance: refresh table
REFRESH TABLE prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: msck
MSCK REPAIR TABLE prod_de.bronze_x.landing
-- expect: none

-- ==== maintenance: alter add columns
ALTER TABLE prod_de.silver_metering.readings ADD COLUMNS (quality STRING)
-- expect: none

-- ==== maintenance: alter set tblproperties
ALTER TABLE prod_de.silver_metering.readings SET TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')
-- expect: none

-- ==== maintenance: alter rename
ALTER TABLE prod_de.sandbox.a RENAME TO prod_de.sandbox.b
-- expect: none

-- ==== maintenance: alter view as select
ALTER VIEW prod_de.gold_x.v_daily AS SELECT * FROM prod_de.gold_x.daily
-- expect: none

-- ==== maintenance: grant
GRANT SELECT ON TABLE prod_de.gold_x.daily TO `commercial-analytics`
-- expect: none

-- ==== maintenance: revoke
REVOKE MODIFY ON TABLE prod_de.gold_x.daily FROM `ml-team`
-- expect: none

-- ==== maintenance: comment on
COMMENT ON TABLE prod_de.gold_x.daily IS 'Daily consumption per meter'
-- expect: none

-- ==== maintenance: explain
EXPLAIN EXTENDED SELECT * FROM prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: restore
RESTORE TABLE prod_de.silver_metering.readings TO VERSION AS OF 10
-- expect: write table prod_de.silver_metering.readings overwrite

-- ==== maintenance: fsck
FSCK REPAIR TABLE prod_de.silver_metering.readings
-- expect: none

-- ==== maintenance: add jar
ADD JAR /opt/jars/udfs.jar
-- expect: none

-- ==== maintenance: clear cache
CLEAR CACHE
-- expect: none

-- ==== load: data inpath into table
LOAD DATA INPATH '/landing/meters.csv' INTO TABLE prod_de.bronze_x.meters
-- expect: read path /landing/meters.csv
-- expect: write table prod_de.bronze_x.meters append

-- ==== multi: script with use and set
USE CATALOG prod_de; SET spark.sql.ansi.enabled = true; INSERT INTO gold_x.daily SELECT * FROM silver_metering.readings;
-- expect: write table gold_x.daily append
-- expect: read table silver_metering.readings

-- ==== multi: three writes
DELETE FROM prod_de.gold_x.daily WHERE d = '2024-06-01'; INSERT INTO prod_de.gold_x.daily SELECT * FROM prod_de.silver_x.src WHERE d = '2024-06-01'; OPTIMIZE prod_de.gold_x.daily
-- expect: write table prod_de.gold_x.daily delete
-- expect: write table prod_de.gold_x.daily append
-- expect: read table prod_de.silver_x.src

-- ==== multi: semicolon in string does not split
SELECT * FROM prod_de.silver_x.t WHERE sep = ';'; SELECT * FROM prod_de.silver_x.u
-- expect: read table prod_de.silver_x.t
-- expect: read table prod_de.silver_x.u

-- ==== multi: semicolon in comment does not split
SELECT * FROM prod_de.silver_x.t -- first; second
; SELECT * FROM prod_de.silver_x.u
-- expect: read table prod_de.silver_x.t
-- expect: read table prod_de.silver_x.u

-- ==== multi: empty statements
;; SELECT * FROM prod_de.silver_x.t ;;
-- expect: read table prod_de.silver_x.t

-- ==== multi: temp view pipeline
CREATE OR REPLACE TEMP VIEW staged AS SELECT * FROM prod_nl.bronze_grid.events WHERE _op != 'D';
CREATE OR REPLACE TEMP VIEW dedup AS SELECT DISTINCT * FROM staged;
MERGE INTO prod_nl.silver_grid.events t USING dedup s ON t.id = s.id WHEN NOT MATCHED THEN INSERT *;
DROP VIEW staged;
-- expect: read table prod_nl.bronze_grid.events
-- expect: write table prod_nl.silver_grid.events merge

-- ==== multi: drop and recreate
DROP TABLE IF EXISTS prod_de.gold_x.snapshot; CREATE TABLE prod_de.gold_x.snapshot AS SELECT * FROM prod_de.silver_x.src
-- expect: write table prod_de.gold_x.snapshot drop
-- expect: write table prod_de.gold_x.snapshot create
-- expect: read table prod_de.silver_x.src

-- ==== multi: truncate then insert overwrite
TRUNCATE TABLE prod_fr.gold_x.kpis; INSERT OVERWRITE prod_fr.gold_x.kpis SELECT * FROM prod_fr.silver_billing.invoices
-- expect: write table prod_fr.gold_x.kpis truncate
-- expect: write table prod_fr.gold_x.kpis overwrite
-- expect: read table prod_fr.silver_billing.invoices

-- ==== realistic: regulatory report
INSERT OVERWRITE TABLE prod_lu.gold_regulatory.monthly_consumption PARTITION (country)
SELECT date_trunc('MONTH', r.ts) AS month, m.region, sum(r.kwh) AS kwh, m.country
FROM prod_de.silver_metering.readings r
JOIN prod_lu.silver_ref.meter_registry m ON r.meter_id = m.meter_id
WHERE r.ts >= add_months(current_date(), -13)
GROUP BY 1, 2, 4
-- expect: write table prod_lu.gold_regulatory.monthly_consumption overwrite
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_lu.silver_ref.meter_registry

-- ==== realistic: forecasting features
CREATE OR REPLACE TABLE prod_ml.gold_forecast.features AS
WITH weather AS (SELECT * FROM prod_ml.silver_ext.weather_hourly),
     load AS (SELECT meter_id, date_trunc('HOUR', ts) h, sum(kwh) kwh FROM prod_de.silver_metering.readings GROUP BY 1, 2)
SELECT l.*, w.temp_c FROM load l LEFT JOIN weather w ON l.h = w.h
-- expect: write table prod_ml.gold_forecast.features replace
-- expect: read table prod_ml.silver_ext.weather_hourly
-- expect: read table prod_de.silver_metering.readings

-- ==== realistic: scd2 merge
MERGE INTO prod_fr.silver_billing.customers_scd t
USING (
  SELECT c.id AS merge_key, c.* FROM prod_fr.bronze_billing.customers c
  UNION ALL
  SELECT NULL AS merge_key, c.* FROM prod_fr.bronze_billing.customers c
  JOIN prod_fr.silver_billing.customers_scd s ON c.id = s.id AND s.current
  WHERE c.email <> s.email
) u
ON t.id = u.merge_key AND t.current
WHEN MATCHED AND t.email <> u.email THEN UPDATE SET current = false, end_date = u.valid_from
WHEN NOT MATCHED THEN INSERT (id, email, current, valid_from, end_date) VALUES (u.id, u.email, true, u.valid_from, NULL)
-- expect: write table prod_fr.silver_billing.customers_scd merge
-- expect: read table prod_fr.bronze_billing.customers
-- expect: read table prod_fr.bronze_billing.customers
-- expect: read table prod_fr.silver_billing.customers_scd

-- ==== realistic: commercial dashboard view
CREATE OR REPLACE VIEW prod_ca.gold_commercial.v_revenue AS
SELECT i.month, c.segment, sum(i.amount) revenue
FROM prod_fr.silver_billing.invoices i, prod_fr.silver_billing.customers c
WHERE i.customer_id = c.id
GROUP BY i.month, c.segment
-- expect: write table prod_ca.gold_commercial.v_revenue replace
-- expect: read table prod_fr.silver_billing.invoices
-- expect: read table prod_fr.silver_billing.customers

-- ==== realistic: dedup with row_number
INSERT INTO prod_nl.silver_grid.events
SELECT * EXCEPT (rn) FROM (
  SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY ingested_at DESC) rn
  FROM prod_nl.bronze_grid.events
) WHERE rn = 1
-- expect: write table prod_nl.silver_grid.events append
-- expect: read table prod_nl.bronze_grid.events

-- ==== realistic: late arriving readings
INSERT INTO prod_de.silver_metering.readings_late
SELECT b.* FROM prod_de.bronze_metering.readings b
LEFT ANTI JOIN prod_de.silver_metering.readings s ON b.meter_id = s.meter_id AND b.ts = s.ts
WHERE b.ingest_date = '${run_date}'
-- expect: write table prod_de.silver_metering.readings_late append
-- expect: read table prod_de.bronze_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== realistic: quality check
SELECT count(*) AS bad FROM prod_de.silver_metering.readings WHERE kwh < 0 OR meter_id NOT IN (SELECT meter_id FROM prod_de.silver_metering.meters)
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.meters

-- ==== realistic: dlt gold aggregate
CREATE OR REFRESH MATERIALIZED VIEW gold_daily_region AS SELECT region, sum(kwh) FROM live.silver_readings r JOIN live.meters m USING (meter_id) GROUP BY region
-- expect: write table gold_daily_region
-- expect: read table live.silver_readings
-- expect: read table live.meters

-- ==== realistic: dlt streaming with constraint
CREATE OR REFRESH STREAMING TABLE silver_events (CONSTRAINT valid_id EXPECT (id IS NOT NULL) ON VIOLATION DROP ROW) AS SELECT * FROM STREAM(live.bronze_events)
-- expect: write table silver_events
-- expect: read table live.bronze_events

-- ==== realistic: stream without parentheses
CREATE OR REFRESH STREAMING TABLE silver_events2 AS SELECT * FROM STREAM live.bronze_events
-- expect: write table silver_events2
-- expect: read table live.bronze_events

-- ==== realistic: hourly rollup with templated date
INSERT OVERWRITE ${catalog}.gold_x.hourly PARTITION (d = '${run_date}') SELECT meter_id, hour(ts), sum(kwh) FROM ${catalog}.silver_metering.readings WHERE to_date(ts) = '${run_date}' GROUP BY 1, 2
-- expect: write table {catalog}.gold_x.hourly overwrite
-- expect: read table {catalog}.silver_metering.readings

-- ==== realistic: f-string rebuilt by python
INSERT INTO {target} SELECT * FROM {catalog}.silver_metering.readings WHERE region = '{region}'
-- expect: write table {target} append
-- expect: read table {catalog}.silver_metering.readings

-- ==== realistic: self-join
SELECT a.meter_id FROM prod_de.silver_metering.readings a JOIN prod_de.silver_metering.readings b ON a.meter_id = b.meter_id AND a.ts = b.ts - INTERVAL 1 HOUR
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings

-- ==== realistic: correlated subquery in where and select
SELECT m.meter_id, (SELECT count(*) FROM prod_nl.silver_grid.outages o WHERE o.meter_id = m.meter_id) FROM prod_nl.silver_grid.meters m WHERE m.feeder IN (SELECT id FROM prod_nl.silver_grid.feeders WHERE voltage > 10)
-- expect: read table prod_nl.silver_grid.outages
-- expect: read table prod_nl.silver_grid.meters
-- expect: read table prod_nl.silver_grid.feeders

-- ==== realistic: union of four countries
SELECT 'DE' c, * FROM prod_de.silver_metering.readings UNION ALL SELECT 'FR', * FROM prod_fr.silver_metering.readings UNION ALL SELECT 'NL', * FROM prod_nl.silver_metering.readings UNION ALL SELECT 'LU', * FROM prod_lu.silver_metering.readings
-- expect: read table prod_de.silver_metering.readings
-- expect: read table prod_fr.silver_metering.readings
-- expect: read table prod_nl.silver_metering.readings
-- expect: read table prod_lu.silver_metering.readings

-- ==== realistic: grouping sets
SELECT region, country, sum(kwh) FROM prod_de.gold_x.daily GROUP BY GROUPING SETS ((region), (country), ())
-- expect: read table prod_de.gold_x.daily

-- ==== realistic: cube with having subquery
SELECT region, sum(kwh) s FROM prod_de.gold_x.daily GROUP BY CUBE (region) HAVING sum(kwh) > (SELECT avg(kwh) FROM prod_de.gold_x.daily_baseline)
-- expect: read table prod_de.gold_x.daily
-- expect: read table prod_de.gold_x.daily_baseline

-- ==== realistic: array functions and struct access
SELECT m.meter_id, aggregate(m.readings, 0D, (acc, x) -> acc + x) total, m.info.region FROM prod_de.silver_metering.meter_arrays m
-- expect: read table prod_de.silver_metering.meter_arrays

-- ==== realistic: interval arithmetic
SELECT * FROM prod_de.silver_metering.readings WHERE ts BETWEEN current_timestamp() - INTERVAL '7' DAY AND current_timestamp()
-- expect: read table prod_de.silver_metering.readings

-- ==== realistic: named struct and map literal
SELECT named_struct('a', 1, 'b', 2) s, map('k', 'v') m FROM prod_de.silver_x.t
-- expect: read table prod_de.silver_x.t

-- ==== realistic: table changes function reads the change feed
SELECT * FROM table_changes('prod_de.silver_metering.readings', 10)
-- expect: read table prod_de.silver_metering.readings

-- ==== realistic: create table with comment and options
CREATE TABLE IF NOT EXISTS prod_lu.gold_regulatory.filings (filing_id STRING COMMENT 'id', submitted_at TIMESTAMP, payload STRING) USING delta COMMENT 'regulatory filings' TBLPROPERTIES ('quality' = 'gold')
-- expect: write table prod_lu.gold_regulatory.filings create

-- ==== realistic: insert values with function calls
INSERT INTO prod_lu.gold_regulatory.filings VALUES (uuid(), current_timestamp(), to_json(named_struct('a', 1)))
-- expect: write table prod_lu.gold_regulatory.filings append

-- ==== realistic: update with case
UPDATE prod_nl.silver_grid.assets SET status = CASE WHEN age > 40 THEN 'replace' ELSE status END WHERE type = 'transformer'
-- expect: write table prod_nl.silver_grid.assets update

-- ==== realistic: delete with exists
DELETE FROM prod_de.silver_metering.readings r WHERE EXISTS (SELECT 1 FROM prod_de.silver_metering.decommissioned d WHERE d.meter_id = r.meter_id)
-- expect: write table prod_de.silver_metering.readings delete
-- expect: read table prod_de.silver_metering.decommissioned

-- ==== realistic: ctas from path
CREATE TABLE prod_de.bronze_x.imported AS SELECT * FROM parquet.`/mnt/migration/electra/meters`
-- expect: write table prod_de.bronze_x.imported create
-- expect: read path /mnt/migration/electra/meters

-- ==== realistic: insert from read_files
INSERT INTO prod_de.bronze_x.raw SELECT *, _metadata.file_path FROM read_files('/Volumes/prod_de/landing/raw', format => 'json')
-- expect: write table prod_de.bronze_x.raw append

-- ==== notebook: cells without ';' split at the COMMAND marker
-- Databricks notebook source
CREATE OR REPLACE TABLE prod_de.gold_metering.daily AS SELECT * FROM prod_de.silver_metering.readings

-- COMMAND ----------

MERGE INTO prod_de.gold_metering.meters m USING prod_de.silver_metering.meters s ON m.id = s.id WHEN MATCHED THEN UPDATE SET *
-- expect: write table prod_de.gold_metering.daily replace
-- expect: read table prod_de.silver_metering.readings
-- expect: write table prod_de.gold_metering.meters merge
-- expect: read table prod_de.silver_metering.meters

-- ==== names: IDENTIFIER(session variable) is a hole
INSERT INTO identifier(session.target_tbl) SELECT * FROM identifier(src_tbl)
-- expect: write table {target_tbl} append
-- expect: read table {src_tbl}

-- ==== read: SET VARIABLE from a query
SET VARIABLE last_load = (SELECT max(loaded_at) FROM prod_nl.silver_grid.load_log)
-- expect: read table prod_nl.silver_grid.load_log

-- ==== cte: MATERIALIZED hint
WITH s AS MATERIALIZED (SELECT * FROM prod_lu.silver_ref.regions) INSERT INTO prod_lu.gold_ref.regions SELECT * FROM s
-- expect: read table prod_lu.silver_ref.regions
-- expect: write table prod_lu.gold_ref.regions append

-- ==== dlt: FROM STREAM name with alias
CREATE STREAMING TABLE silver_fraud_tx AS SELECT * FROM STREAM bronze_fraud_tx t LEFT JOIN fraud_reports f USING (id)
-- expect: write table silver_fraud_tx
-- expect: read table bronze_fraud_tx
-- expect: read table fraud_reports

-- ==== dlt: CREATE INCREMENTAL LIVE TABLE
CREATE INCREMENTAL LIVE TABLE orders_raw AS SELECT * FROM cloud_files('/mnt/raw/orders', 'json')
-- expect: write table orders_raw
