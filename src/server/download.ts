import type { FastifyReply } from 'fastify';

/** `attachment; filename*=UTF-8''…`: Chinese file names survive every browser. */
export const disposition = (kind: 'attachment' | 'inline', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** A generated file (xlsx, docx…) as a download named `name`. */
export const sendDownload = (reply: FastifyReply, file: { type: string; name: string; data: Buffer | Uint8Array }) =>
  reply.type(file.type).header('content-disposition', disposition('attachment', file.name)).send(file.data);
