import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing; smaller files gain less than a header costs. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

/**
 * Writes a brotli (.br, best quality) and a gzip (.gz) copy beside every built text file, once at
 * build time; the server sends the one the browser accepts (@fastify/static `preCompressed`),
 * so a village connection downloads about a quarter of the bytes and the server compresses nothing.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'cedu-precompress',
    apply: 'build',
    configResolved(config: ResolvedConfig) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = walk(outDir).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
      let raw = 0;
      let br = 0;
      await Promise.all(
        files.map(async (file) => {
          const data = await fs.promises.readFile(file);
          const [b, g] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: 9 }),
          ]);
          raw += data.length;
          br += Math.min(b.length, data.length);
          // A copy no smaller than the file is not worth sending: the server falls back to the file.
          if (b.length < data.length) await fs.promises.writeFile(`${file}.br`, b);
          if (g.length < data.length) await fs.promises.writeFile(`${file}.gz`, g);
        }),
      );
      console.log(
        `precompressed ${files.length} files: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`,
      );
    },
  };
}

/** Every file under dir, except vite's own metadata (.vite/manifest.json). */
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.vite' ? [] : walk(p);
    return e.isFile() ? [p] : [];
  });
}
