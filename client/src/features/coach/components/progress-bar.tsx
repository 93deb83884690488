// A route's progress as a bar with the numbers beside it.
import { useI18n } from '../../../i18n/i18n-context';
import type { RouteProgress } from '../api/get-students';

export function ProgressBar({ progress, label }: { progress: RouteProgress; label: string }) {
  const { t } = useI18n();
  const value = Math.round(progress.fraction * 100);
  const text = t('coach.progress', { done: progress.done, total: progress.total });
  return (
    <span className="progress">
      <span className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={text}>
        <span className="progress-fill" style={{ width: `${value}%` }} />
      </span>
      <span className="progress-text">{text}</span>
    </span>
  );
}
