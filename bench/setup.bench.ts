// `npm run bench:setup`: how long a real county takes to go live (issue 14). A fresh server on an
// empty embedded database without the demo; the first system admin from the banner's setup code;
// then 潼南区 (500152) from the official division list — every town and every village, in one
// request — and an account for every town office and centre, in one more. Prints each step's
// time beside a reference from the same run (/api/health, median of 5). Target: the county set
// up in under a minute.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, startServer, stopServer, waitHealthy, type Session } from './server-process';

const COUNTY = '500152000000';
const PASSWORD = 'Bench@2026setup';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-bench-setup-'));
const server = await startServer({ dataDir, env: { CEDU_DEMO: '0' } });
try {
  await waitHealthy(server, 120_000);
  const base = server.base;
  const health: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fetch(`${base}/api/health`);
    health.push(performance.now() - t);
  }
  health.sort((a, b) => a - b);

  const timed = async <T>(what: string, fn: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const out = await fn();
    const ms = performance.now() - t;
    console.log(`${what.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
    return [out, ms];
  };
  const send = async (s: Session | null, method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  const code = /setup code: ([0-9A-F-]+)/.exec(server.output())?.[1];
  if (!code) throw new Error(`no setup code in the banner:\n${server.output()}`);
  console.log(`reference: /api/health ${health[2].toFixed(1)} ms (median of 5)\n`);
  const [, adminMs] = await timed('first system admin (setup code)', () =>
    send(null, 'POST', '/api/setup', {
      setupCode: code,
      username: 'sysadmin',
      displayName: '系统管理员',
      password: PASSWORD,
      countyName: '潼南区',
    }),
  );
  const admin = await login(base, 'sysadmin', PASSWORD);
  const tree = (await send(admin, 'GET', '/api/org/tree')) as { nodes: { id: string; level: string }[] };
  const county = tree.nodes.find((n) => n.level === 'county')!;
  const [list, previewMs] = await timed('read the county’s towns and villages', () =>
    send(admin, 'GET', `/api/org/nodes/${county.id}/divisions?code=${COUNTY}`),
  );
  const towns = list.children as { code: string; name: string; children: { code: string; name: string }[] }[];
  const [made, setupMs] = await timed('create every town and village (one request)', () =>
    send(admin, 'POST', `/api/org/nodes/${county.id}/divisions`, {
      code: COUNTY,
      children: towns.map((t) => ({
        code: t.code,
        name: t.name,
        children: t.children.map((v) => ({ code: v.code, name: v.name })),
      })),
    }),
  );
  const [accounts, accountsMs] = await timed('accounts for every town office and centre', () =>
    send(admin, 'POST', '/api/users/bulk', { nodeId: county.id, rule: 'code' }),
  );
  const total = adminMs + previewMs + setupMs + accountsMs;
  console.log(
    `\n潼南区: ${String(made.towns)} towns, ${String(made.centres)} centres, ` +
      `${(accounts.accounts as unknown[]).length} accounts — ${(total / 1000).toFixed(1)} s in all ` +
      `(target < 60 s: ${total < 60_000 ? 'met' : 'MISSED'})`,
  );
} finally {
  await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
