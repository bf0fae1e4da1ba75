import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { safeParse, type $ZodType } from 'zod/v4/core';
import type { FieldIssue } from '../shared/app-error';
import { formatIssue } from '../shared/validation';

/** A request part failed its zod schema; the error handler turns it into VALIDATION_FAILED. */
export class RequestValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super('validation failed');
  }
}

/** Like fastify-type-provider-zod's compiler, but keeps the inputs so messages can say more. */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues.map((i) => formatIssue(i as never))) };
  };

const NUL_ISSUE = { message: '不能包含空字符（U+0000）', messageEn: 'Must not contain a NUL character (U+0000)' };

/** Where a NUL character (U+0000) sits in a parsed request part, as an issue path; null when none. */
export function findNul(value: unknown, prefix = ''): string | null {
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) return at;
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        if (k.includes('\0')) return path;
        stack.push([child, path]);
      }
    }
  }
  return null;
}

/**
 * One gate for every route, before its schema runs: no NUL character in the query, the path
 * parameters or a parsed body. PostgreSQL cannot store U+0000 in text, and nothing a person
 * types contains it. (Multipart uploads are read by their route; file names pass cleanFileName.)
 */
export async function refuseNul(req: FastifyRequest): Promise<void> {
  for (const part of [req.params, req.query, req.body]) {
    const at = findNul(part);
    if (at !== null) throw new RequestValidationError([{ path: at, ...NUL_ISSUE }]);
  }
}
