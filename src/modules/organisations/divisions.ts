import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

// The official statistical division codes (统计用区划代码), from cedu's extract in ./divisions
// (scripts/build-divisions.mjs says where it comes from and which edition). Provinces, cities and
// counties are read once (about 3,400 rows); a county's towns and villages come from its province's
// file when asked for, and the last few provinces read stay in memory. Nothing is read at start.
//
// Codes here are always the full 12 digits: a county 500152000000, a town 500152001000, a village
// 500152001001. The fictional demo county uses city 99, which no province has (its codes are
// known to be demo, not checked against the list).

const DATA_DIR = path.join(import.meta.dirname, 'divisions');
const gunzip = promisify(zlib.gunzip);

export type DivisionLevel = 'province' | 'city' | 'county' | 'town' | 'village';
export type Division = { code: string; name: string; level: DivisionLevel; parent: string | null };
export type Edition = { edition: string; asOf: string; source: string };

type Index = {
  edition: string;
  asOf: string;
  source: string;
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; parent: string }[];
  counties: { code: string; name: string; parent: string }[];
};

const full = (code: string) => code.padEnd(12, '0');

/** The level a 12-digit code is at, by which parts are zero. */
export function divisionLevel(code: string): DivisionLevel {
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'town';
  return 'village';
}

/** The code of the division a code lies in (null for a province). */
export function parentCode(code: string): string | null {
  switch (divisionLevel(code)) {
    case 'province':
      return null;
    case 'city':
      return full(code.slice(0, 2));
    case 'county':
      return full(code.slice(0, 4));
    case 'town':
      return full(code.slice(0, 6));
    case 'village':
      return full(code.slice(0, 9));
  }
}

/** A code of the fictional demo county (city 99: no such city exists in any province). */
export const isDemoCode = (code: string) => /^\d{12}$/.test(code) && code.slice(2, 4) === '99';

let index: Promise<{ data: Index; byCode: Map<string, Division> }> | null = null;

function loadIndex() {
  index ??= fs.readFile(path.join(DATA_DIR, 'index.json'), 'utf8').then((text) => {
    const data = JSON.parse(text) as Index;
    const byCode = new Map<string, Division>();
    for (const p of data.provinces)
      byCode.set(full(p.code), { code: full(p.code), name: p.name, level: 'province', parent: null });
    for (const c of data.cities)
      byCode.set(full(c.code), { code: full(c.code), name: c.name, level: 'city', parent: full(c.parent) });
    for (const c of data.counties)
      byCode.set(full(c.code), { code: full(c.code), name: c.name, level: 'county', parent: full(c.parent) });
    return { data, byCode };
  });
  return index;
}

const PROVINCES_KEPT = 3;
const provinceFiles = new Map<string, Promise<Division[]>>();

/** A province's towns and villages, in code order (the last few read are kept). */
function provinceRows(province: string): Promise<Division[]> {
  const kept = provinceFiles.get(province);
  if (kept) {
    provinceFiles.delete(province); // most recently used last
    provinceFiles.set(province, kept);
    return kept;
  }
  const file = path.join(DATA_DIR, `${province}.tsv.gz`);
  const loading = fs
    .readFile(file)
    .then((gz) => gunzip(gz))
    .then((buf) =>
      buf
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line): Division => {
          const [code, name] = line.split('\t');
          const c = full(code);
          return { code: c, name, level: code.length === 9 ? 'town' : 'village', parent: parentCode(c) };
        }),
    )
    .catch((err: NodeJS.ErrnoException) => {
      provinceFiles.delete(province);
      if (err.code === 'ENOENT') return [];
      throw err;
    });
  provinceFiles.set(province, loading);
  while (provinceFiles.size > PROVINCES_KEPT) provinceFiles.delete(provinceFiles.keys().next().value!);
  return loading;
}

/** Which edition of the list is in use. */
export async function divisionEdition(): Promise<Edition> {
  const { data } = await loadIndex();
  return { edition: data.edition, asOf: data.asOf, source: data.source };
}

/** The divisions directly under a code ('' for the provinces), in code order. */
export async function divisionsUnder(code: string): Promise<Division[]> {
  const { byCode } = await loadIndex();
  if (code === '') return [...byCode.values()].filter((d) => d.level === 'province');
  if (!/^\d{12}$/.test(code)) return [];
  const level = divisionLevel(code);
  if (level === 'province' || level === 'city')
    return [...byCode.values()].filter((d) => d.parent === code).sort((a, b) => a.code.localeCompare(b.code));
  return (await provinceRows(code.slice(0, 2))).filter((d) => d.parent === code);
}

/** One division by its 12-digit code, or null when the list has no such code. */
export async function findDivision(code: string): Promise<Division | null> {
  if (!/^\d{12}$/.test(code)) return null;
  const { byCode } = await loadIndex();
  const level = divisionLevel(code);
  if (level === 'province' || level === 'city' || level === 'county') return byCode.get(code) ?? null;
  return (await provinceRows(code.slice(0, 2))).find((d) => d.code === code) ?? null;
}

/** A county with its towns and streets, each with its villages and communities. */
export async function countyDivisions(
  code: string,
): Promise<{ county: Division; towns: (Division & { villages: Division[] })[] } | null> {
  const county = await findDivision(code);
  if (!county || county.level !== 'county') return null;
  const prefix = code.slice(0, 6);
  const rows = (await provinceRows(code.slice(0, 2))).filter((d) => d.code.startsWith(prefix));
  const towns = rows.filter((d) => d.level === 'town').map((t) => ({ ...t, villages: [] as Division[] }));
  const byTown = new Map(towns.map((t) => [t.code, t]));
  for (const v of rows) if (v.level === 'village') byTown.get(v.parent!)?.villages.push(v);
  return { county, towns };
}
