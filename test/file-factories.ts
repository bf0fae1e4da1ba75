import sharp from 'sharp';
import type { Client } from './server';

/** A multipart/form-data body with one `file` part, as a browser's FormData sends it. */
export function multipartFile(
  filename: string,
  bytes: Buffer,
  mime = 'application/octet-stream',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cedu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads through POST /api/files like the web app does. */
export function uploadFile(
  c: Client,
  q: { nodeId: string; purpose?: string; accept?: 'image' | 'document' },
  filename: string,
  bytes: Buffer,
  mime?: string,
) {
  const { payload, headers } = multipartFile(filename, bytes, mime);
  const qs = new URLSearchParams({
    nodeId: q.nodeId,
    purpose: q.purpose ?? 'course_material',
    ...(q.accept ? { accept: q.accept } : {}),
  });
  return c.req('POST', `/api/files?${qs}`, payload, headers);
}

/** A small JPEG carrying EXIF with a GPS position (as a phone photo does). */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CeduPhone', Model: 'Test 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 32/1 0/1' },
    })
    .toBuffer();
}

/** A tiny PDF (enough for content sniffing). */
export const tinyPdf = () => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The first bytes of a Windows executable. */
export const fakeExe = () =>
  Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
