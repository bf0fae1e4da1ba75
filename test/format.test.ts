import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

// The formatter every file goes through (`npm test` step `format`: prettier --check .).
const ROOT = path.resolve(import.meta.dirname, '..');

describe('format', () => {
  it('applies the house settings to source files: 120 columns, single quotes, trailing commas', async () => {
    const file = path.join(ROOT, 'src/modules/teachers/teachers.service.ts');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    expect(options).toMatchObject({ printWidth: 120, singleQuote: true, trailingComma: 'all' });
    const long = `export const x = { alpha: "a", beta: 'b', ${'gamma: 1, '.repeat(12)}};\n`;
    expect(await prettier.check(long, options)).toBe(false);
    expect(await prettier.check(await prettier.format(long, options), options)).toBe(true);
    expect((await prettier.format(long, options)).split('\n').every((l) => l.length <= 120)).toBe(true);
  });

  it('leaves generated migrations alone (they are never edited after landing)', async () => {
    const info = await prettier.getFileInfo(path.join(ROOT, 'src/db/migrations/0000_foundation.sql'), {
      ignorePath: path.join(ROOT, '.prettierignore'),
    });
    expect(info.ignored).toBe(true);
  });
});
