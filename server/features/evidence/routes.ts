// The student's side of assessment: hand in evidence (files, links, text, prior learning), self-assess, submit, read feedback; download files.
import { Router, type Request } from 'express';
import { addEvidence } from './use-cases/add-evidence';
import type { EvidenceDeps } from './deps';
import { openEvidenceFile } from './use-cases/evidence-file-access';
import { mediaTypeOf } from './use-cases/file-types';
import { selfAssess } from './use-cases/self-assess';
import { listOwnAttempts, readOwnAttempt, readOwnStanding } from './use-cases/student-attempts';
import { submitAttempt } from './use-cases/submit-attempt';
import { uploadEvidenceFile } from './use-cases/upload-evidence-file';
import { GRADERS } from '../../lti/roles';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import {
  assessmentSchema,
  attemptListQuerySchema,
  fileQuerySchema,
  newEvidenceSchema,
  type AssessmentBody,
  type AttemptListQuery,
  type FileQuery,
  type NewEvidenceBody,
} from './schemas';
import { studentAttemptView } from './views';

export function evidenceRoutes(deps: EvidenceDeps): Router {
  const router = Router();
  const student = requireRole('student');

  router.post('/api/evidence/outcomes/:outcomeId/items', student, validate(newEvidenceSchema), async (req, res) => {
    const attempt = await addEvidence(deps, { session: sessionOf(res), outcomeId: param(req, 'outcomeId'), evidence: req.body as NewEvidenceBody });
    res.status(201).json({ attempt: studentAttemptView({ attempt }) });
  });

  // The file is the raw request body, typed by Content-Type and named by ?filename=: streamed to GridFS as it arrives.
  router.put('/api/evidence/outcomes/:outcomeId/file', student, validate(fileQuerySchema, 'query'), async (req, res) => {
    const length = req.get('content-length');
    const attempt = await uploadEvidenceFile(deps, {
      session: sessionOf(res),
      outcomeId: param(req, 'outcomeId'),
      filename: (req.query as FileQuery).filename,
      mediaType: mediaTypeOf(req.get('content-type')),
      ...(length !== undefined ? { declaredBytes: Number(length) } : {}),
      body: req,
    }).catch((error: unknown) => {
      // A refused upload leaves body bytes unread on the connection: it cannot carry another request.
      if (!req.complete) res.set('connection', 'close');
      throw error;
    });
    res.status(201).json({ attempt: studentAttemptView({ attempt }) });
  });

  router.put('/api/evidence/attempts/:attemptId/self-assessment', student, validate(assessmentSchema), async (req, res) => {
    const attempt = await selfAssess(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId'), selfAssessment: req.body as AssessmentBody });
    res.json({ attempt: studentAttemptView({ attempt }) });
  });

  router.post('/api/evidence/attempts/:attemptId/submit', student, async (req, res) => {
    const attempt = await submitAttempt(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId') });
    res.json({ attempt: studentAttemptView({ attempt }) });
  });

  router.get('/api/evidence/attempts', student, validate(attemptListQuerySchema, 'query'), async (req, res) => {
    const { outcomeId } = req.query as AttemptListQuery;
    const attempts = await listOwnAttempts(deps, { session: sessionOf(res), ...(outcomeId ? { outcomeId } : {}) });
    res.json({ attempts: attempts.map(studentAttemptView) });
  });

  router.get('/api/evidence/attempts/:attemptId', student, async (req, res) => {
    res.json({ attempt: studentAttemptView(await readOwnAttempt(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId') })) });
  });

  router.get('/api/evidence/standing', student, async (_req, res) => {
    res.json(await readOwnStanding(deps, { session: sessionOf(res) }));
  });

  router.get('/api/evidence/files/:fileId', requireRole('student', ...GRADERS), async (req, res) => {
    const file = await openEvidenceFile(deps, { session: sessionOf(res), fileId: param(req, 'fileId') });
    // Always an attachment and never sniffed: a student's file must not run as a page of Playroute.
    res.attachment(file.filename);
    res.set({ 'content-type': file.contentType, 'content-length': String(file.length), 'x-content-type-options': 'nosniff' });
    file.stream.on('error', (error) => res.destroy(error));
    file.stream.pipe(res);
  });

  return router;
}

function param(req: Request, name: string): string {
  return String(req.params[name]);
}
