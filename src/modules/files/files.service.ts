import crypto from 'node:crypto';
import path from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { fillPath } from '../../shared/endpoint';
import { fieldError, forbidden, hidden } from '../../shared/app-error';
import { cleanFileName } from '../../shared/text';
import { auditChange } from '../../server/audit';
import { orgNodes } from '../../server/db/tree.table';
import {
  DOCUMENT_EXTS,
  FILE_LIMITS,
  IMAGE_EXTS,
  filesApi,
  type FileAccept,
  type FilePurpose,
  type StoredFile,
} from './files.contract';
import { canReadFile, canUploadFor } from './files.policy';
import { readBlob, removeBlob, writeBlob } from './files.storage';
import { storedFiles } from './files.table';

export type StoredFileRow = typeof storedFiles.$inferSelect;
type NodeRef = { id: string; path: string };

const OLD_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
const MB = (n: number) => Math.round(n / 1024 / 1024);

/** The API shape of a stored file. */
export function toStoredFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    originalName: row.originalName,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    url: fillPath(filesApi.download.path, { id: row.id }),
    thumbnailUrl: row.thumbnailKey ? fillPath(filesApi.thumbnail.path, { id: row.id }) : null,
  };
}

/** A name safe to show and to send back: no folders, no control characters, the real extension. */
function cleanName(filename: string, ext: string): string {
  const base = cleanFileName(filename);
  const stem = (base.replace(/\.[^.]*$/, '') || 'file').slice(0, FILE_LIMITS.originalName - ext.length - 1);
  return `${stem}.${ext}`;
}

type Detected = { kind: 'image' | 'document'; ext: string; mime: string };

/** The type the bytes say they are; the name and the browser's type are not trusted. */
async function detect(bytes: Buffer, filename: string): Promise<Detected | { unknown: string }> {
  const t = await fileTypeFromBuffer(bytes);
  if (!t) return { unknown: '无法识别' };
  if ((IMAGE_EXTS as readonly string[]).includes(t.ext)) return { kind: 'image', ext: t.ext, mime: t.mime };
  if ((DOCUMENT_EXTS as readonly string[]).includes(t.ext)) return { kind: 'document', ext: t.ext, mime: t.mime };
  // Old Office files share one container format; the name then says which of the three it is.
  const nameExt = path.extname(filename).slice(1).toLowerCase();
  if (t.ext === 'cfb' && OLD_OFFICE[nameExt]) return { kind: 'document', ext: nameExt, mime: OLD_OFFICE[nameExt] };
  return { unknown: t.ext };
}

function refuseType(accept: FileAccept, found: string): never {
  const foundEn = found === '无法识别' ? 'unknown' : found;
  if (accept === 'image') {
    throw fieldError(
      'file',
      `不支持这种文件（识别为：${found}）。只能上传 JPG、PNG、WebP、GIF 图片；系统按文件内容识别，改扩展名没有用。`,
      `This file type is not allowed (detected: ${foundEn}). Only JPG, PNG, WebP or GIF images; the type is read from the content, so renaming does not help.`,
    );
  }
  throw fieldError(
    'file',
    `不支持这种文件（识别为：${found}）。可上传 PDF、Word、Excel、PPT 文档或 JPG、PNG、WebP、GIF 图片；系统按文件内容识别，改扩展名没有用。`,
    `This file type is not allowed (detected: ${foundEn}). Upload PDF, Word, Excel or PowerPoint documents, or JPG, PNG, WebP or GIF images; the type is read from the content, so renaming does not help.`,
  );
}

type Prepared = {
  ext: string;
  mime: string;
  bytes: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
};

/** Re-encodes an image: orientation applied, every metadata block (EXIF, GPS, XMP, ICC) dropped. */
async function prepareImage(bytes: Buffer, d: Detected): Promise<Prepared> {
  try {
    const img = sharp(bytes, { limitInputPixels: FILE_LIMITS.imagePixels, failOn: 'error' }).rotate();
    const out = d.ext === 'jpg' ? img.jpeg({ quality: 85 }) : d.ext === 'webp' ? img.webp({ quality: 85 }) : img.png();
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data)
      .resize(FILE_LIMITS.thumbnailPx, FILE_LIMITS.thumbnailPx, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    const ext = d.ext === 'gif' ? 'png' : d.ext;
    return {
      ext,
      mime: ext === 'png' ? 'image/png' : d.mime,
      bytes: data,
      thumbnail,
      width: info.width,
      height: info.height,
    };
  } catch {
    throw fieldError('file', '图片已损坏或过大，无法读取', 'The image is damaged or too large to read');
  }
}

/**
 * Whether the actor may upload a file for `purpose` at the node: NOT_FOUND outside their
 * reach, FORBIDDEN when they see the node but may not write that thing there. The route asks
 * before it reads the body.
 */
export async function checkUpload(
  db: DbOrTx,
  actor: Actor,
  input: { nodeId: string; purpose: FilePurpose },
): Promise<NodeRef> {
  const [node] = await db
    .select({ id: orgNodes.id, path: orgNodes.path })
    .from(orgNodes)
    .where(eq(orgNodes.id, input.nodeId));
  if (!node || !canReadFile(actor, node)) throw hidden();
  if (!canUploadFor(actor, input.purpose, node)) throw forbidden();
  return node;
}

/**
 * Stores an uploaded file for a node: the type from the content, the size limits, images
 * re-encoded without metadata plus a thumbnail, bytes under a random name outside the web
 * root; the row and its audit entry in one transaction. Returns the stored_files row.
 */
export async function storeFile(
  db: DbOrTx,
  actor: Actor,
  input: { nodeId: string; purpose: FilePurpose; filename: string; bytes: Buffer; accept: FileAccept },
): Promise<StoredFileRow> {
  const node = await checkUpload(db, actor, input);
  if (input.bytes.length === 0) throw fieldError('file', '文件是空的', 'The file is empty');
  if (input.bytes.length > FILE_LIMITS.documentBytes) throw tooLarge('document');
  const d = await detect(input.bytes, input.filename);
  if ('unknown' in d) refuseType(input.accept, d.unknown);
  if (input.accept === 'image' && d.kind !== 'image') refuseType('image', d.ext);
  if (d.kind === 'image' && input.bytes.length > FILE_LIMITS.imageBytes) throw tooLarge('image');
  const prepared: Prepared =
    d.kind === 'image'
      ? await prepareImage(input.bytes, d)
      : { ext: d.ext, mime: d.mime, bytes: input.bytes, thumbnail: null, width: null, height: null };

  const storageKey = await writeBlob(prepared.bytes);
  const thumbnailKey = prepared.thumbnail ? await writeBlob(prepared.thumbnail) : null;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(storedFiles)
        .values({
          nodeId: node.id,
          purpose: input.purpose,
          originalName: cleanName(input.filename, prepared.ext),
          mime: prepared.mime,
          size: prepared.bytes.length,
          sha256: crypto.createHash('sha256').update(prepared.bytes).digest('hex'),
          storageKey,
          thumbnailKey,
          width: prepared.width,
          height: prepared.height,
          uploadedBy: actor.userId,
        })
        .returning();
      await auditChange(tx, actor, node, 'file.upload', ['file', row.id], {
        name: row.originalName,
        mime: row.mime,
        size: row.size,
        purpose: row.purpose,
      });
      return row;
    });
  } catch (err) {
    await removeBlob(storageKey);
    await removeBlob(thumbnailKey);
    throw err;
  }
}

function tooLarge(kind: 'image' | 'document') {
  const max = MB(kind === 'image' ? FILE_LIMITS.imageBytes : FILE_LIMITS.documentBytes);
  return kind === 'image'
    ? fieldError('file', `图片太大，不能超过 ${max} MB`, `The image is too large; at most ${max} MB`)
    : fieldError('file', `文件太大，不能超过 ${max} MB`, `The file is too large; at most ${max} MB`);
}

/** The file row with its node, or undefined when there is none; no policy. */
async function fileOnNode(db: DbOrTx, id: string): Promise<{ row: StoredFileRow; node: NodeRef } | undefined> {
  const [r] = await db
    .select({ row: storedFiles, node: { id: orgNodes.id, path: orgNodes.path } })
    .from(storedFiles)
    .innerJoin(orgNodes, eq(orgNodes.id, storedFiles.nodeId))
    .where(eq(storedFiles.id, id));
  return r;
}

/** The file row, or NOT_FOUND when the actor does not reach its node. */
export async function getFile({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
}): Promise<{ row: StoredFileRow; node: NodeRef }> {
  const r = await fileOnNode(db, id);
  if (!r || !canReadFile(actor, r.node)) throw hidden();
  return r;
}

/** The bytes of a file (or its thumbnail) the actor may read; NOT_FOUND otherwise. */
export async function readFileBytes({
  db,
  actor,
  id,
  thumbnail = false,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
  thumbnail?: boolean;
}): Promise<{ row: StoredFileRow; bytes: Buffer }> {
  const { row } = await getFile({ db, actor, id });
  const key = thumbnail ? row.thumbnailKey : row.storageKey;
  const bytes = key ? await readBlob(key) : null;
  if (!bytes) throw hidden();
  return { row, bytes };
}

/**
 * Files the actor may read among `ids`, for attaching them to something; a missing or foreign
 * id is a field error on `path` (the caller's field name).
 */
export async function loadReadableFiles(
  db: DbOrTx,
  actor: Actor,
  ids: string[],
  fieldPath: string,
): Promise<StoredFileRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: storedFiles, node: { path: orgNodes.path } })
    .from(storedFiles)
    .innerJoin(orgNodes, eq(orgNodes.id, storedFiles.nodeId))
    .where(inArray(storedFiles.id, ids));
  const ok = rows.filter((r) => canReadFile(actor, r.node));
  if (ok.length !== new Set(ids).size)
    throw fieldError(
      fieldPath,
      '附件不存在或不在您的管理范围内，请重新上传',
      'An attachment does not exist or is outside your reach; upload it again',
    );
  return ok.map((r) => r.row);
}

/**
 * What another module checks before attaching a file: its node (path) and type, and whether it
 * has a thumbnail. No policy here: the caller decides with its own rule. Null when there is none.
 */
export async function fileFacts(
  db: DbOrTx,
  id: string,
): Promise<{ id: string; nodeId: string; path: string; mime: string; hasThumbnail: boolean } | null> {
  const r = await fileOnNode(db, id);
  if (!r) return null;
  const { row, node } = r;
  return { id: row.id, nodeId: row.nodeId, path: node.path, mime: row.mime, hasThumbnail: row.thumbnailKey !== null };
}

/** The rows of the given files, oldest first (an attachment list); no policy, the caller checks. */
export async function filesByIds(db: DbOrTx, ids: string[]): Promise<StoredFileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(storedFiles).where(inArray(storedFiles.id, ids)).orderBy(asc(storedFiles.createdAt));
}

/** A file's row and bytes, or null; no policy: a module serving its own attachment checks it first. */
export async function readStoredFile(db: DbOrTx, id: string): Promise<{ row: StoredFileRow; bytes: Buffer } | null> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  const bytes = row ? await readBlob(row.storageKey) : null;
  return row && bytes ? { row, bytes } : null;
}
