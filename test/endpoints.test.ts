import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../src/shared/endpoint';
import { startTestServer, type TestServer } from './server';

// Every API route the app serves is an endpoint declared once in a module's contract
// (docs/ARCHITECTURE.md, "Endpoints"), registered with exactly the declared method, path and
// policy; and every declaration is served. A route registered by hand, or a declaration
// nobody registers, fails here.
const ROOT = path.resolve(import.meta.dirname, '..');
/** Served by the app shell itself, not by a module. */
const SHELL_ROUTES = new Set(['GET /api/health']);

async function declaredEndpoints(): Promise<Endpoint[]> {
  const out: Endpoint[] = [];
  const modules = path.join(ROOT, 'src/modules');
  for (const m of fs.readdirSync(modules)) {
    for (const f of fs.readdirSync(path.join(modules, m)).filter((f) => f.endsWith('.contract.ts'))) {
      const mod = (await import(path.join(modules, m, f))) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        if (!value || typeof value !== 'object') continue;
        for (const e of Object.values(value as Record<string, unknown>)) {
          const ep = e as Partial<Endpoint> | null;
          if (ep && typeof ep === 'object' && typeof ep.tag === 'string' && typeof ep.path === 'string' && ep.method)
            out.push(ep as Endpoint);
        }
      }
    }
  }
  return out;
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('endpoints', () => {
  it('every served API route is declared once in a contract, with the same policy, and every declaration is served', async () => {
    const declared = await declaredEndpoints();
    const key = (method: string, url: string) => `${method} ${url}`;
    const byKey = new Map<string, Endpoint[]>();
    for (const e of declared) byKey.set(key(e.method, e.path), [...(byKey.get(key(e.method, e.path)) ?? []), e]);
    expect([...byKey].filter(([, list]) => list.length > 1).map(([k]) => k)).toEqual([]);

    const served = s.app.routeTable.filter((r) => !SHELL_ROUTES.has(key(r.method, r.url)));
    const undeclared = served.filter((r) => !byKey.has(key(r.method, r.url))).map((r) => key(r.method, r.url));
    expect(undeclared).toEqual([]);
    const servedKeys = new Set(served.map((r) => key(r.method, r.url)));
    expect(declared.filter((e) => !servedKeys.has(key(e.method, e.path))).map((e) => key(e.method, e.path))).toEqual(
      [],
    );
    for (const r of served)
      expect({ route: key(r.method, r.url), policy: r.policy }).toEqual({
        route: key(r.method, r.url),
        policy: byKey.get(key(r.method, r.url))![0].policy,
      });
  });

  it('the OpenAPI document comes from the declarations: summary and tag of each', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
    for (const e of await declaredEndpoints()) {
      const openApiPath = e.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const op = doc.paths[openApiPath]?.[e.method.toLowerCase()];
      expect({ path: e.path, summary: op?.summary, tags: op?.tags }).toEqual({
        path: e.path,
        summary: e.summary,
        tags: [e.tag],
      });
    }
  });
});
