// The way back to the LMS course, shown only when Playroute has a window of its own: inside the LMS's frame the course is all around it.
import { useI18n } from '../i18n/i18n-context';
import { safeHref } from '../lib/safe-href';

export function BackToCourse({ url }: { url: string | null | undefined }) {
  const { t } = useI18n();
  // The server keeps only http(s) return URLs; checked again here, as every stored link is before it becomes an href.
  const href = url ? safeHref(url) : undefined;
  // In a frame, following the link would open the LMS inside its own page.
  if (!href || window.self !== window.top) return null;
  return (
    <p className="back-to-course">
      <a href={href}>{t('app.backToCourse')}</a>
    </p>
  );
}
