import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Gzipped script budgets per entry (issue 9: the phone's sign-in page < 60 KB; issue 11: the
 * resident's phone pages, React without antd, < 140 KB — they load in < 3 s at 1.5 Mbit/s;
 * issue 12: the resident's survey page < 80 KB).
 */
export const SCRIPT_BUDGETS_KB: Record<string, number> = { signin: 60, phone: 140, survey: 80 };

type Chunk = { type: 'chunk'; name: string; isEntry: boolean; code: string; imports: string[] };
type Bundle = Record<string, Chunk | { type: 'asset' }>;

/** Every chunk an entry loads before it runs (its static imports, transitively). */
function scriptOf(bundle: Bundle, entry: string): string[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const c = bundle[file];
    if (c?.type === 'chunk') c.imports.forEach(walk);
  };
  walk(entry);
  return [...seen];
}

/**
 * Prints the gzipped script each entry loads at start (its chunk and static imports) and fails
 * the build when an entry with a budget is over it.
 */
export function bundleBudget(): Plugin {
  return {
    name: 'cedu-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const b = bundle as unknown as Bundle;
      const over: string[] = [];
      for (const [file, c] of Object.entries(b)) {
        if (c.type !== 'chunk' || !c.isEntry) continue;
        const bytes = scriptOf(b, file).reduce((sum, f) => {
          const chunk = b[f];
          return chunk?.type === 'chunk' ? sum + zlib.gzipSync(chunk.code, { level: 9 }).length : sum;
        }, 0);
        const kb = bytes / 1024;
        const budget = SCRIPT_BUDGETS_KB[c.name];
        console.log(`script of entry ${c.name}: ${kb.toFixed(1)} KB gzipped${budget ? ` (budget ${budget} KB)` : ''}`);
        if (budget && kb > budget) over.push(`${c.name}: ${kb.toFixed(1)} KB > ${budget} KB`);
      }
      if (over.length) this.error(`script over budget: ${over.join('; ')}`);
    },
  };
}
