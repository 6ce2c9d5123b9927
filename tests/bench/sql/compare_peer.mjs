// Compares pipelint's table sets on the SQL corpus with dt-sql-parser's
// (SparkSQL parser, getAllEntities) and times the peer.
//
// Setup (outside the repository; never commit node_modules):
//   mkdir -p /tmp/sqlpeer && cd /tmp/sqlpeer && npm init -y && npm install dt-sql-parser@4.5.1 esbuild
//   echo "export {SparkSQL} from 'dt-sql-parser';" > entry.mjs
//   npx esbuild entry.mjs --bundle --platform=node --format=cjs --outfile=dtsql.cjs
// (the package's ESM build does not load in Node 20; the bundle does).
// dt-sql-parser 4.5.1 returns no entity for three-part names (catalog.schema.table),
// so a second run compares on a copy of the corpus with the catalog dropped:
//   node compare_peer.mjs --peer ... --write-two-part /tmp/corpus2.sql   (writes it and exits)
//   bench_sql --corpus /tmp/corpus2.sql --dump > /tmp/ours2.jsonl
//   node compare_peer.mjs --peer ... --corpus /tmp/corpus2.sql --ours /tmp/ours2.jsonl
// Run:
//   bench_sql --dump > /tmp/ours.jsonl
//   node tests/bench/sql/compare_peer.mjs --peer /tmp/sqlpeer/dtsql.cjs --ours /tmp/ours.jsonl \
//        [--corpus tests/unit/sql/data/corpus.sql] [--seconds 5]
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const corpusPath = args.corpus ?? path.join(here, '../../unit/sql/data/corpus.sql');
const seconds = Number(args.seconds ?? 5);
const { SparkSQL } = createRequire(import.meta.url)(path.resolve(args.peer));

function loadCorpus(file) {
  const cases = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-- ==== ')) cases.push({ title: line.slice(8), sql: '' });
    else if (!cases.length || line.startsWith('-- expect: ')) continue;
    else cases.at(-1).sql += line + '\n';
  }
  for (const c of cases) c.sql = c.sql.trim();
  return cases;
}

const FORMATS = /^(delta|parquet|csv|json|orc|text|avro|binaryfile)\.`(.*)`$/i;
function peerName(text) {
  const m = text.match(FORMATS);
  if (m) return 'path:' + m[2];
  return text.replace(/`/g, '');
}
const TABLE_KINDS = new Set(['table', 'tableCreate', 'view', 'viewCreate']);

const parser = new SparkSQL();
function peerTables(sql) {
  const entities = parser.getAllEntities(sql) ?? [];
  return entities.filter(e => TABLE_KINDS.has(e.entityContextType)).map(e => peerName(e.text));
}

if (args['write-two-part']) {
  const threePart = /\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.([A-Za-z_0-9]\w*)\b/g;
  const text = readFileSync(corpusPath, 'utf8').split('\n')
    .map(l => (l.startsWith('-- ') ? l : l.replace(threePart, '$2.$3'))).join('\n');
  writeFileSync(args['write-two-part'], text);
  process.exit(0);
}

const cases = loadCorpus(corpusPath);
const ours = readFileSync(args.ours, 'utf8').trim().split('\n').map(l => JSON.parse(l));
if (ours.length !== cases.length) throw new Error(`case count differs: ours ${ours.length}, corpus ${cases.length}`);

const asSet = list => [...new Set(list.map(s => s.toLowerCase()))].sort();
let agree = 0;
const disagreements = [];
for (let i = 0; i < cases.length; ++i) {
  const mine = asSet(ours[i].tables), theirs = asSet(peerTables(cases[i].sql));
  if (JSON.stringify(mine) === JSON.stringify(theirs)) { ++agree; continue; }
  disagreements.push({
    title: cases[i].title,
    only_ours: mine.filter(x => !theirs.includes(x)),
    only_peer: theirs.filter(x => !mine.includes(x)),
  });
}
for (const d of disagreements)
  console.log(`- ${d.title}: only pipelint ${JSON.stringify(d.only_ours)}; only dt-sql-parser ${JSON.stringify(d.only_peer)}`);
console.log(`\nagree ${agree}/${cases.length}, disagree ${disagreements.length}`);

// Timing: whole corpus, repeated until `seconds` have passed (after one warm-up round).
const statements = cases.reduce((n, c) => n + c.sql.split(';').filter(s => s.trim()).length, 0);
const bytes = cases.reduce((n, c) => n + Buffer.byteLength(c.sql), 0);
for (const c of cases) parser.getAllEntities(c.sql);
let rounds = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
do {
  for (const c of cases) parser.getAllEntities(c.sql);
  ++rounds;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
} while (elapsed < seconds);
console.log(`dt-sql-parser: ${rounds} rounds in ${elapsed.toFixed(2)} s: ` +
  `${(bytes * rounds / 1e6 / elapsed).toFixed(3)} MB/s, ${(statements * rounds / elapsed).toFixed(0)} statements/s`);
