// PUT /api/evidence/outcomes/:outcomeId/file with the raw file: XMLHttpRequest, because fetch cannot report upload progress.
import { safeParse } from 'zod/mini';
import { ApiError } from '../../../lib/api-client';
import { launchToken } from '../../../lib/launch-token';
import { attemptAnswerSchema } from './schemas';
import type { Attempt } from './types';

export function uploadEvidenceFile(outcomeId: string, file: File, onProgress: (fraction: number) => void): Promise<{ attempt: Attempt }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/evidence/outcomes/${encodeURIComponent(outcomeId)}/file?filename=${encodeURIComponent(file.name)}`);
    const token = launchToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        // Checked like every other answer (lib/api-client apiRequest): a wrong shape is said in words.
        const parsed = safeParse(attemptAnswerSchema, body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(0, 'invalid_response', 'unexpected answer to the file upload'));
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      const fallback = xhr.status === 413 ? 'file_too_large' : xhr.status === 415 ? 'file_type_not_allowed' : 'http_error';
      reject(new ApiError(xhr.status, error?.code ?? fallback, error?.message ?? xhr.statusText));
    };
    xhr.send(file);
  });
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
