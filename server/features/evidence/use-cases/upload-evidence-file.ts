// Use case: a student streams a file into their open attempt; a refused or broken upload leaves neither file nor record behind.
import type { Readable } from 'node:stream';
import type { LaunchSession } from '../../../lti/session-token';
import { placementKeyOf } from '../../playbooks/index';
import { newId } from '../../../store/ids';
import type { Attempt } from './attempt';
import type { EvidenceDeps } from '../deps';
import { allowedType, MAX_FILE_BYTES } from './file-types';
import { addToAttempt, planAttempt } from './open-attempt';
import { placementPlaybook, publishedOutcome } from './placement-context';
import { UploadGuard } from './upload-guard';
import { FileTooLargeError, FileTypeRefusedError } from '../errors';

export interface UploadEvidenceFileProps {
  session: LaunchSession;
  outcomeId: string;
  filename: string;
  /** The declared media type, parameters stripped. */
  mediaType: string;
  /** Content-Length when the client sent one: a too-large file is refused before a byte is read. */
  declaredBytes?: number;
  body: Readable;
  maxBytes?: number;
}

export async function uploadEvidenceFile(deps: EvidenceDeps, props: UploadEvidenceFileProps): Promise<Attempt> {
  const { session, outcomeId, filename, mediaType, maxBytes = MAX_FILE_BYTES } = props;
  const type = allowedType(mediaType, filename);
  if (!type) throw new FileTypeRefusedError(`Files of type "${mediaType || 'unknown'}" named "${filename}" are not accepted.`);
  if (props.declaredBytes !== undefined && props.declaredBytes > maxBytes) throw new FileTooLargeError(maxBytes);

  const stored = await placementPlaybook(deps, session);
  publishedOutcome(stored, outcomeId);
  const placement = placementKeyOf(session);
  const key = { playbookId: stored.playbook.id, placement, outcomeId, studentId: session.sub };
  // Checked before the upload so a refusal costs no bytes; the draft itself is only made once the file is whole.
  const plan = await planAttempt(deps, key);

  const file = await deps.files.save({
    source: props.body,
    guard: new UploadGuard({ maxBytes, signature: type.signature, everyChunk: type.everyChunk, mediaType }),
    filename,
    metadata: { ...placement, playbookId: stored.playbook.id, outcomeId, studentId: session.sub, attemptId: plan.id, contentType: mediaType },
  });
  try {
    const attempt = await addToAttempt(deps, key, plan, {
      id: newId(),
      kind: 'file',
      addedAt: deps.now(),
      file: { fileId: file.fileId, filename, contentType: mediaType, size: file.length },
    });
    if (attempt.id !== plan.id) await deps.files.setAttempt(file.fileId, attempt.id);
    return attempt;
  } catch (error) {
    // No record points at the file: remove it rather than leave an orphan.
    await deps.files.remove(file.fileId);
    throw error;
  }
}
