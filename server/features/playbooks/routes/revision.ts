// The revision a teacher's write is based on (If-Match), and the revision every answer carries (ETag and body).
import type { RequestHandler, Response } from 'express';
import type { StoredPlaybook } from '../data/playbook-repository';
import { ValidationError } from '../../../errors';
import { revisionHeaderSchema } from '../schemas/design-schema';

/** 400 "If-Match: …" when the header is missing or not a revision; nothing is read or written then. */
export function requireRevision(): RequestHandler {
  return (req, res, next) => {
    const result = revisionHeaderSchema.safeParse(req.get('if-match'));
    if (!result.success) {
      next(new ValidationError(`If-Match: ${result.error.issues[0]?.message ?? 'is invalid'}`, { field: 'If-Match' }));
      return;
    }
    res.locals.revision = result.data;
    next();
  };
}

export function revisionOf(res: Response): number {
  return res.locals.revision as number;
}

/** Sends `{ revision, ...body }` with the revision as ETag, so the client always holds the one to send next. */
export function sendRevised(res: Response, stored: StoredPlaybook, body: Record<string, unknown> = {}, status = 200): void {
  res.status(status).set('ETag', `"${stored.revision}"`).json({ revision: stored.revision, ...body });
}
