// The routes waiting for approval, each with a button that opens the review (the app passes in the coach's review).
import { useI18n } from '../../../i18n/i18n-context';
import type { StudentOverview } from '../api/get-overview';
import { studentName } from './student-name';

interface Props {
  students: StudentOverview[];
  onOpen: (student: { id: string; name: string }) => void;
}

export function ReviewQueue({ students, onOpen }: Props) {
  const { t } = useI18n();
  const waiting = students.filter((s) => s.routeStatus === 'submitted');
  return (
    <section className="card" aria-labelledby="review-queue-title">
      <h3 id="review-queue-title">{t('coaching.review.title')}</h3>
      {waiting.length === 0 ? <p className="muted">{t('coaching.review.none')}</p> : null}
      <ul className="plain-list">
        {waiting.map((student) => {
          const name = studentName(student, (id) => t('classOverview.unnamed', { id }));
          return (
            <li key={student.id}>
              <span>{name}</span>
              <button type="button" className="secondary" aria-label={t('coaching.review.openFor', { name })} onClick={() => onOpen({ id: student.id, name })}>
                {t('coaching.review.open')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
