// The teacher's privacy panel: when the retention job will remove the course's personal data (a warning in the last
// 30 days), and the audit trail of assessment decisions as CSV for the exam board.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import * as z from 'zod/mini';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { apiRequest } from '../../../lib/api-client';
import { launchToken } from '../../../lib/launch-token';
import { renewIfDue } from '../../../lib/session-renewal';

const retentionSchema = z.object({ removeOn: z.optional(z.string()), retentionDays: z.number(), warning: z.boolean() });

async function saveFile(path: string, fallbackName: string): Promise<void> {
  await renewIfDue();
  const token = launchToken();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(String(res.status));
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function CoursePrivacy() {
  const { t, language } = useI18n();
  const retention = useQuery({ queryKey: ['privacy', 'retention'], queryFn: () => apiRequest('/api/privacy/retention', retentionSchema) });
  const [failed, setFailed] = useState(false);
  const removeOn = retention.data?.removeOn;
  return (
    <section aria-labelledby="course-privacy-title" className="course-privacy">
      <h2 id="course-privacy-title">{t('coursePrivacy.title')}</h2>
      {removeOn ? (
        <p role={retention.data?.warning ? 'alert' : undefined} className={retention.data?.warning ? 'error-box' : undefined}>
          {t('coursePrivacy.removeOn', { date: formatDate(language, removeOn, 'long') })}
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => {
          setFailed(false);
          saveFile('/api/audit-trail/export?format=csv', 'audit-trail.csv').catch(() => setFailed(true));
        }}
      >
        {t('coursePrivacy.exportAudit')}
      </button>
      {failed ? (
        <p role="alert" className="error-box">
          {t('coursePrivacy.exportFailed')}
        </p>
      ) : null}
    </section>
  );
}
