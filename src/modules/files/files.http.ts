import type { FastifyReply } from 'fastify';
import { disposition } from '../../server/download';
import type { StoredFileRow } from './files.service';

/** Served bytes are never run or sniffed as a page, whatever they contain. */
export function safeHeaders(reply: FastifyReply, mime: string): FastifyReply {
  return reply
    .type(mime)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-cache');
}

/** A stored file as a download (never shown inline as a page). */
export const sendAttachment = (reply: FastifyReply, row: StoredFileRow, bytes: Buffer) =>
  safeHeaders(reply, row.mime).header('Content-Disposition', disposition('attachment', row.originalName)).send(bytes);
