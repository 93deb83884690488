// Forming groups: a title, mixed or similar levels, a group size or a number of groups, and students kept together.
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useClassQuery, useFormGroups, type Mode } from '../api/groups-api';

export function NewGroupsForm({ onFormed }: { onFormed: (setId: string) => void }) {
  const { t } = useI18n();
  const students = useClassQuery();
  const form = useFormGroups();
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<Mode>('mixed');
  const [by, setBy] = useState<'size' | 'count'>('size');
  const [amount, setAmount] = useState('4');
  const [selected, setSelected] = useState<string[]>([]);
  const [partners, setPartners] = useState<string[][]>([]);
  const [problem, setProblem] = useState<'title' | 'amount' | null>(null);
  const nameOf = (id: string) => students.data?.students.find((s) => s.student.id === id)?.student.name ?? id;
  const withoutIntake = students.data?.students.filter((s) => s.intake !== 'submitted').length ?? 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(amount);
    if (title.trim() === '') return setProblem('title');
    if (!Number.isInteger(n) || n < 1) return setProblem('amount');
    setProblem(null);
    form.mutate(
      { title: title.trim(), mode, target: by === 'size' ? { size: n } : { count: n }, fixedPartners: partners },
      {
        onSuccess: (set) => {
          setTitle('');
          setPartners([]);
          onFormed(set.id);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h3 style={{ margin: 0 }}>{t('groups.new.title')}</h3>
      {withoutIntake > 0 ? <p className="muted">{t('groups.new.withoutIntake', { count: withoutIntake })}</p> : null}
      <label style={{ display: 'grid', gap: '0.25rem' }}>
        {t('groups.new.name')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={problem === 'title'} aria-describedby={problem === 'title' ? 'groups-title-error' : undefined} />
      </label>
      {problem === 'title' ? <p id="groups-title-error" role="alert" className="field-error">{t('groups.new.nameMissing')}</p> : null}
      <fieldset>
        <legend>{t('groups.new.mode')}</legend>
        <label style={{ display: 'block' }}>
          <input type="radio" name="groups-mode" checked={mode === 'mixed'} onChange={() => setMode('mixed')} /> {t('groups.mode.mixed')}
        </label>
        <label style={{ display: 'block' }}>
          <input type="radio" name="groups-mode" checked={mode === 'similar'} onChange={() => setMode('similar')} /> {t('groups.mode.similar')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('groups.new.by')}</legend>
        <label style={{ display: 'block' }}>
          <input type="radio" name="groups-by" checked={by === 'size'} onChange={() => setBy('size')} /> {t('groups.by.size')}
        </label>
        <label style={{ display: 'block' }}>
          <input type="radio" name="groups-by" checked={by === 'count'} onChange={() => setBy('count')} /> {t('groups.by.count')}
        </label>
        <label style={{ display: 'grid', gap: '0.25rem', maxWidth: '12rem' }}>
          {t(by === 'size' ? 'groups.new.size' : 'groups.new.count')}
          <input type="number" min={1} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={problem === 'amount'} />
        </label>
        {problem === 'amount' ? <p role="alert" className="field-error">{t('groups.new.amountInvalid')}</p> : null}
      </fieldset>
      <fieldset>
        <legend>{t('groups.new.partners')}</legend>
        <p className="muted">{t('groups.new.partnersIntro')}</p>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
          {students.data?.students.map(({ student }) => (
            <label key={student.id}>
              <input
                type="checkbox"
                checked={selected.includes(student.id)}
                onChange={() => setSelected(selected.includes(student.id) ? selected.filter((id) => id !== student.id) : [...selected, student.id])}
              />{' '}
              {student.name ?? student.id}
            </label>
          ))}
        </div>
        <p>
          <button
            type="button"
            disabled={selected.length < 2}
            onClick={() => {
              setPartners([...partners, selected]);
              setSelected([]);
            }}
          >
            {t('groups.new.keepTogether')}
          </button>
        </p>
        {partners.length > 0 ? (
          <ul aria-label={t('groups.new.partnersList')}>
            {partners.map((cluster, index) => (
              <li key={cluster.join(',')}>
                {cluster.map(nameOf).join(', ')}{' '}
                <button type="button" onClick={() => setPartners(partners.filter((_, i) => i !== index))} aria-label={t('groups.new.removePartnersFor', { names: cluster.map(nameOf).join(', ') })}>
                  {t('groups.new.removePartners')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <div aria-live="polite">{form.isError ? <ErrorMessage error={form.error} /> : null}</div>
      <p>
        <button type="submit" disabled={form.isPending}>
          {t('groups.new.submit')}
        </button>
      </p>
    </form>
  );
}
