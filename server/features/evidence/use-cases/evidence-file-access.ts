// Use case: opening an evidence file for download, allowed by the file's own metadata: its student, or a teacher or assistant (who grade) of its course.
import { NotFoundError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { Readable } from 'node:stream';
import type { EvidenceDeps } from '../deps';

export interface OpenedEvidenceFile {
  filename: string;
  contentType: string;
  length: number;
  stream: Readable;
}

export async function openEvidenceFile(deps: Pick<EvidenceDeps, 'files'>, { session, fileId }: { session: LaunchSession; fileId: string }): Promise<OpenedEvidenceFile> {
  const file = await deps.files.find(fileId);
  const meta = file?.metadata;
  const sameCourse =
    meta !== undefined && meta.platformId === session.platformId && meta.deploymentId === session.deploymentId && meta.contextId === session.contextId;
  const allowed = sameCourse && (session.roles.includes('teacher') || session.roles.includes('assistant') || (session.roles.includes('student') && meta.studentId === session.sub));
  // Not found rather than forbidden: whether someone else's file exists is not for others to learn.
  if (!file || !meta || !allowed) throw new NotFoundError('File not found.');
  return { filename: file.filename, contentType: meta.contentType, length: file.length, stream: deps.files.open(fileId) };
}
