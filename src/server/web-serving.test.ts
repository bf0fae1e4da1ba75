import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server';

/** The built pages of the resident's own entries (vite.config.ts inputs), each with a mark to tell them apart. */
const ENTRY_PAGES = {
  'src/modules/portal/web/phone.html': '<!doctype html><title>phone pages</title>',
  'src/modules/signin/web/signin.html': '<!doctype html><title>sign-in page</title>',
};

/**
 * The built web app on a slow connection: hashed files go out precompressed (brotli or gzip, as
 * the browser accepts) and cached for a year; index.html is revalidated every time; JSON answers
 * over 1 KB are compressed on the fly, small ones are not.
 */
describe('serving the web app compressed and cached', () => {
  const script = `export const greeting = ${JSON.stringify('你好，village '.repeat(400))};\n`;
  const asset = '/assets/app-Ab12Cd34.js';
  let dir = '';
  let s: TestServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    const file = path.join(dir, asset);
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
    s = await startTestServer({ CEDU_WEB_DIR: dir });
  });
  afterAll(async () => {
    await s?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    s.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('a hashed script: the brotli copy when accepted, else gzip, else the file; cached for a year', async () => {
    const br = await get(asset, 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);

    const gz = await get(asset, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get(asset);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('a page of the app gets index.html, revalidated on every visit', async () => {
    const res = await get('/org', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('id="root"');
  });

  it('JSON over 1 KB is compressed when the browser accepts it; a small answer is not', async () => {
    const big = await get('/api/openapi.json', 'gzip, deflate, br');
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    const spec = JSON.parse(zlib.brotliDecompressSync(big.rawPayload).toString()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\./);

    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(spec);

    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(spec);

    const small = await get('/api/health', 'gzip, deflate, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toMatchObject({ status: 'ok' });
  });
});

describe('the resident’s pages are their own entries, not the staff app', () => {
  let dir = '';
  let s: TestServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-web-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>staff app</title>');
    for (const [page, html] of Object.entries(ENTRY_PAGES)) {
      fs.mkdirSync(path.dirname(path.join(dir, page)), { recursive: true });
      fs.writeFileSync(path.join(dir, page), html);
    }
    s = await startTestServer({ CEDU_WEB_DIR: dir });
  });
  afterAll(async () => {
    await s?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const titleOf = async (url: string) => {
    const res = await s.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['cache-control'], url).toBe('no-cache');
    return /<title>(.*)<\/title>/.exec(res.body)?.[1];
  };

  it('every phone page address (and an old or mistyped one under /m) gets phone.html; a scanned code the sign-in page; the rest the staff app', async () => {
    for (const url of ['/m', '/m/', '/m/record', '/m/credits', '/m/me', '/m/record?x=1', '/m/old/link'])
      expect(await titleOf(url), url).toBe('phone pages');
    expect(await titleOf('/m/s/some-token')).toBe('sign-in page');
    for (const url of ['/', '/login', '/mobile', '/resident-accounts'])
      expect(await titleOf(url), url).toBe('staff app');
  });
});
