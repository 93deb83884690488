// GET /api/evidence/files/:fileId: the file needs the launch token, so it is fetched and handed to the browser as a download.
import { ApiError } from '../../../lib/api-client';
import { launchToken } from '../../../lib/launch-token';

export async function downloadEvidenceFile(fileId: string, filename: string): Promise<void> {
  const token = launchToken();
  let res: Response;
  try {
    res = await fetch(`/api/evidence/files/${encodeURIComponent(fileId)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network_error', 'network error');
  }
  if (!res.ok) throw new ApiError(res.status, res.status === 404 ? 'not_found' : 'http_error', res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
