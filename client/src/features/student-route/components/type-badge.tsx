// An activity type shown by colour, icon and word together, so it never depends on colour alone.
import type { ActivityType } from '../api/types';
import { useLabels } from './use-labels';

const ICONS: Record<ActivityType, string> = { activation: '⚑', instruction: '✎', application: '⚙', feedback: '⇄', reflection: '◎' };

export function TypeBadge({ type }: { type: ActivityType }) {
  const labels = useLabels();
  return (
    <span className={`type-badge type-${type}`}>
      <span aria-hidden="true">{ICONS[type]}</span> {labels.type(type)}
    </span>
  );
}
