// The intake's result as a picture: per outcome (and indicator) a bar of its levels, filled up to where the student
// stands, with a mark where the outcome asks them to be. The same facts are written out beside it, so nothing rests on
// colour or on seeing the bar (WCAG 1.4.1): the SVG is decorative and the sentence carries the meaning.
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import type { IntakeDesign, IntakePoint } from '../api/intake-api';

const POSITION_KEYS: Record<IntakePoint['position'], MessageKey> = {
  below: 'intake.position.below',
  at: 'intake.position.at',
  above: 'intake.position.above',
  unknown: 'intake.position.unknown',
};

export function pointTitle(design: IntakeDesign, point: { outcomeId: string; indicatorId?: string }): string {
  const outcome = design.outcomes.find((o) => o.outcomeId === point.outcomeId);
  if (!outcome) return point.outcomeId;
  if (!point.indicatorId) return outcome.title;
  const indicator = outcome.indicators.find((i) => i.id === point.indicatorId);
  return `${outcome.title}: ${indicator?.text ?? point.indicatorId}`;
}

/** `staff`: the words speak of "the student" rather than "you", for a coach or teacher reading someone's intake. */
export function IntakePicture({ design, points, staff = false }: { design: IntakeDesign; points: IntakePoint[]; staff?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="intake-picture" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}>
      {points.map((point) => {
        const levels = design.outcomes.find((o) => o.outcomeId === point.outcomeId)?.levels ?? [];
        const label = (rank: number | null) => (rank === null ? '' : (levels.find((l) => l.rank === rank)?.label ?? String(rank)));
        const title = pointTitle(design, point);
        return (
          <li key={`${point.outcomeId}/${point.indicatorId ?? ''}`} className="card" data-position={point.position}>
            <strong>{title}</strong>
            <Bar rank={point.rank} target={point.targetRank} max={point.maxRank} />
            <p style={{ margin: 0 }}>
              {point.rank === null
                ? t(staff ? 'intakeStaff.picture.unknown' : 'intake.picture.unknown', { target: point.targetRank, targetLabel: label(point.targetRank), max: point.maxRank })
                : t(staff ? 'intakeStaff.picture.text' : 'intake.picture.text', { rank: point.rank, label: label(point.rank), max: point.maxRank, target: point.targetRank, targetLabel: label(point.targetRank) })}{' '}
              <strong>{t(POSITION_KEYS[point.position])}</strong>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

const CELL = 36;

/** Cells 1…max, filled up to the rank (solid) and outlined beyond; the target cell carries a thick mark above it. */
function Bar({ rank, target, max }: { rank: number | null; target: number; max: number }) {
  const width = Math.max(1, max) * CELL;
  return (
    <svg width={width} height={34} viewBox={`0 0 ${width} 34`} aria-hidden="true" focusable="false">
      {Array.from({ length: max }, (_, index) => {
        const filled = rank !== null && index < rank;
        return <rect key={index} x={index * CELL + 2} y={10} width={CELL - 4} height={20} rx={3} fill={filled ? '#1f5fa8' : '#ffffff'} stroke="#1f5fa8" strokeWidth={2} />;
      })}
      <path d={`M ${(target - 1) * CELL + 2} 4 h ${CELL - 4}`} stroke="#111111" strokeWidth={4} />
      <path d={`M ${(target - 1) * CELL + CELL / 2} 4 v 28`} stroke="#111111" strokeWidth={2} strokeDasharray="3 2" />
    </svg>
  );
}
