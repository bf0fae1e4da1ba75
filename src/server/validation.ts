import type { FastifySchemaCompiler } from 'fastify';
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
export const validatorCompiler: FastifySchemaCompiler<$ZodType> = ({ schema }) => (data) => {
  const result = safeParse(schema, data, { reportInput: true });
  if (result.success) return { value: result.data };
  return { error: new RequestValidationError(result.error.issues.map((i) => formatIssue(i as never))) };
};
