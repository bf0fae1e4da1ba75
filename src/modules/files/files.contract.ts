import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { ROLES } from '../../shared/roles';
import { ZIdParams, zId } from '../../shared/schemas';
import { UPLOADER_ROLES } from './files.policy';

/** Upload limits, declared once: the server refuses beyond them, the forms say them. */
export const FILE_LIMITS = {
  imageBytes: 10 * 1024 * 1024,
  documentBytes: 20 * 1024 * 1024,
  /** Decompression bombs: an image may not decode to more pixels than this. */
  imagePixels: 50_000_000,
  thumbnailPx: 320,
  originalName: 200,
} as const;

/** What a caller accepts: photos only, or documents (which include photos). */
export const FILE_ACCEPTS = ['image', 'document'] as const;
export type FileAccept = (typeof FILE_ACCEPTS)[number];

/** Image types kept (re-encoded, metadata stripped); GIFs become PNG (first frame). */
export const IMAGE_EXTS = ['jpg', 'png', 'webp', 'gif'] as const;
/** Document types recognised by their content (old Office files by their container plus name). */
export const DOCUMENT_EXTS = ['pdf', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt'] as const;

/** For a file input's `accept` attribute. */
export const ACCEPT_ATTR: Record<FileAccept, string> = {
  image: '.jpg,.jpeg,.png,.webp,.gif,image/jpeg,image/png,image/webp,image/gif',
  document: '.jpg,.jpeg,.png,.webp,.gif,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx',
};

/**
 * What a file is for. Each names the thing it will be attached to and who may write that thing:
 * course_material → a course of the node (courses: COURSE_EDITOR_ROLES over it), activity_photo →
 * the records of an activity of the centre (activities: canKeepActivity), signin_sheet → the photo
 * of a paper sign-in sheet of the centre (signin: canRunSignIn). Nobody else may upload.
 */
export const FILE_PURPOSES = [
  'course_material',
  'activity_photo',
  'signin_sheet',
  'expense_invoice',
  'award_material',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** A file never attached to anything is removed after this long. */
export const UNATTACHED_FILE_HOURS = 24;

export const ZFileUploadQuery = z.object({
  nodeId: zId.describe('The node the file is for: the course’s node, or the activity’s centre; read access follows it'),
  purpose: z
    .enum(FILE_PURPOSES)
    .describe('What it is for: decides who may upload (those who may write that thing at the node)'),
  accept: z.enum(FILE_ACCEPTS).default('document').describe('image: photos only; document: documents and photos'),
});
export type FileUploadQuery = z.infer<typeof ZFileUploadQuery>;

export const ZStoredFile = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  url: z.string().describe('GET: the file, as an attachment'),
  thumbnailUrl: z.string().nullable().describe('Images only: a small JPEG'),
});
export type StoredFile = z.infer<typeof ZStoredFile>;

/** Uploads (multipart, field `file`) and downloads, scoped by the file's node. */
export const filesApi = defineEndpoints('files', {
  upload: {
    method: 'POST',
    path: '/api/files',
    summary:
      'Upload one file (multipart field `file`) for a purpose at a node: only those who may write that thing there; type read from the content, size limits, images re-encoded without metadata; removed after a day unless attached',
    // The owning modules register who may upload for each purpose (files.policy.ts).
    policy: { roles: UPLOADER_ROLES },
    query: ZFileUploadQuery,
    responses: { 201: ZStoredFile },
  },
  download: {
    method: 'GET',
    path: '/api/files/:id',
    summary: 'The file, always as an attachment (never shown as a page)',
    policy: { roles: ROLES },
    params: ZIdParams,
    produces: 'application/octet-stream',
  },
  thumbnail: {
    method: 'GET',
    path: '/api/files/:id/thumbnail',
    summary: 'A small JPEG of an image file',
    policy: { roles: ROLES },
    params: ZIdParams,
    produces: 'image/jpeg',
  },
});
