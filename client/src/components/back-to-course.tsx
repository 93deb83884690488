// The way back to the LMS course, shown only when Playroute has a window of its own: inside the LMS's frame the course is all around it.
import { useI18n } from '../i18n/i18n-context';

export function BackToCourse({ url }: { url: string | null | undefined }) {
  const { t } = useI18n();
  // In a frame, following the link would open the LMS inside its own page.
  if (!url || window.self !== window.top) return null;
  return (
    <p className="back-to-course">
      <a href={url}>{t('app.backToCourse')}</a>
    </p>
  );
}
