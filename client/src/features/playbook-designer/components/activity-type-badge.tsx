// An activity type shown with colour, a shape and its name, so the type never depends on colour alone.
import { useI18n } from '../../../i18n/i18n-context';
import type { ActivityType } from '../api/types';

export const TYPE_ICONS: Record<ActivityType, string> = {
  activation: '▶',
  instruction: '■',
  application: '▲',
  feedback: '●',
  reflection: '◆',
};

export function ActivityTypeBadge({ type }: { type: ActivityType }) {
  const { t } = useI18n();
  return (
    <span className={`pd-type pd-type-${type}`}>
      <span aria-hidden="true">{TYPE_ICONS[type]}</span> {t(`designer.m.type.${type}`)}
    </span>
  );
}
