// Validation at the edge: one middleware checks a request part against a zod schema and names the first bad field.
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { ValidationError } from '../errors';

type RequestPart = 'body' | 'query' | 'params';

/** Replaces req[part] with the parsed value, or fails with 400 "field: problem". */
export function validate(schema: z.ZodType, part: RequestPart = 'body'): RequestHandler {
  return (req, _res, next) => {
    const result = schema.safeParse(req[part]);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.join('.') : part;
      next(new ValidationError(`${field}: ${issue?.message ?? 'is invalid'}`, { field }));
      return;
    }
    // express 5 exposes req.query through a getter, so the parsed value is stored where routes read it.
    if (part === 'query') Object.defineProperty(req, 'query', { value: result.data, writable: true });
    else req[part] = result.data;
    next();
  };
}
