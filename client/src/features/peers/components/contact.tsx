// A paired student's contact as far as the LMS shared it: the e-mail when the roster carried one, else a word saying so.
import { useI18n } from '../../../i18n/i18n-context';

export function Contact({ person }: { person: { name: string | null; email: string | null } }) {
  const { t } = useI18n();
  return (
    <span className="contact">
      {' — '}
      {person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : <span className="muted">{t('peers.noEmail')}</span>}
    </span>
  );
}
