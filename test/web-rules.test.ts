import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { bundleBudget } from '../scripts/bundle-budget';

// Two rules of the web side: no API path written by hand (eslint.config.js), and the script
// budget of each entry (scripts/bundle-budget.ts, run by every `vite build`).
const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });

async function apiPathErrors(code: string, file: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && /API path/.test(m.message)).length;
}

describe('no hand-written API path on the web', () => {
  it('refuses a string or template starting with /api/ in web code, and allows a declared endpoint', async () => {
    const web = 'src/modules/teachers/web/probe.tsx';
    expect(await apiPathErrors("export const a = '/api/teachers';\n", web)).toBe(1);
    expect(await apiPathErrors('export const b = (id: string) => `/api/teachers/${id}`;\n', web)).toBe(1);
    expect(await apiPathErrors("export const c = '/teachers?bankNodeId=1';\n", web)).toBe(0);
    expect(await apiPathErrors("export const d = '/api/x';\n", 'src/web/probe.ts')).toBe(1);
    // The server declares paths: the rule is the web's.
    expect(await apiPathErrors("export const e = '/api/teachers';\n", 'src/modules/teachers/probe.contract.ts')).toBe(
      0,
    );
  });
});

describe('script budget of each entry', () => {
  type Hook = (this: { error: (m: string) => never }, o: unknown, b: unknown) => void;
  const run = (bundle: Record<string, unknown>) => {
    const logs: string[] = [];
    const log = console.log;
    console.log = (m: string) => logs.push(m);
    try {
      (bundleBudget().generateBundle as unknown as Hook).call(
        {
          error: (m: string) => {
            throw new Error(m);
          },
        },
        {},
        bundle,
      );
    } finally {
      console.log = log;
    }
    return logs;
  };
  const chunk = (name: string, code: string, imports: string[] = [], isEntry = false) => ({
    type: 'chunk',
    name,
    isEntry,
    code,
    imports,
  });

  it('prints each entry with its static imports, gzipped, beside its budget', () => {
    const logs = run({
      'signin.js': chunk('signin', 'console.log(1);', ['shared.js'], true),
      'shared.js': chunk('shared', 'export const x = 1;'),
      'main.js': chunk('main', 'console.log(2);', [], true),
    });
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^script of entry signin: \d+\.\d KB gzipped \(budget 60 KB\)$/);
    expect(logs[1]).toMatch(/^script of entry main: /);
  });

  it('fails the build when the sign-in page is over 60 KB', () => {
    // Random text hardly compresses: 100 KB of it stays over 60 KB gzipped.
    let big = '';
    for (let i = 0; i < 100 * 1024; i++) big += String.fromCharCode(33 + Math.floor(Math.random() * 90));
    expect(() => run({ 'signin.js': chunk('signin', 'x', ['big.js'], true), 'big.js': chunk('big', big) })).toThrow(
      /script over budget: signin: \d+\.\d KB > 60 KB/,
    );
  });
});
