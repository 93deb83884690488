// The teacher sets how many juniors one peer helps at most (N, 1–20) and, if wanted, the lowest level from which a
// student may offer help (else the outcome's target). Assistants read them.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { usePeerSettingsQuery, useSavePeerSettings, type PeerSettings as Settings } from '../api/peers-api';

export function PeerSettings({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const settings = usePeerSettingsQuery();
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="peer-settings-title" className="peer-settings">
      <h2 id="peer-settings-title">{t('peerSettings.title')}</h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isSuccess ? (
        <SettingsForm key={settings.data.version} settings={settings.data} canEdit={session.roles.includes('teacher')} saved={saved} onSaved={setSaved} />
      ) : null}
    </section>
  );
}

function SettingsForm({ settings, canEdit, saved, onSaved }: { settings: Settings; canEdit: boolean; saved: boolean; onSaved: (saved: boolean) => void }) {
  const { t } = useI18n();
  const save = useSavePeerSettings();
  const [max, setMax] = useState(String(settings.maxJuniorsPerPeer));
  const [minimum, setMinimum] = useState(settings.minimumPeerRank === null ? '' : String(settings.minimumPeerRank));
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSaved(false);
    const n = Number(max);
    const rank = minimum.trim() === '' ? null : Number(minimum);
    if (!Number.isInteger(n) || n < 1 || n > 20 || (rank !== null && (!Number.isInteger(rank) || rank < 1 || rank > 20))) return setInvalid(true);
    setInvalid(false);
    save.mutate({ version: settings.version, maxJuniorsPerPeer: n, minimumPeerRank: rank }, { onSuccess: () => onSaved(true) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <fieldset disabled={!canEdit} style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.5rem' }}>
        <label style={{ display: 'grid', gap: '0.25rem', maxWidth: '24rem' }}>
          {t('peerSettings.max')}
          <input type="number" min={1} max={20} inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value)} aria-invalid={invalid} />
        </label>
        <label style={{ display: 'grid', gap: '0.25rem', maxWidth: '24rem' }}>
          {t('peerSettings.minimum')}
          <input type="number" min={1} max={20} inputMode="numeric" value={minimum} onChange={(e) => setMinimum(e.target.value)} aria-invalid={invalid} />
        </label>
      </fieldset>
      <div aria-live="polite">
        {invalid ? <p role="alert" className="field-error">{t('peerSettings.invalid')}</p> : null}
        {save.isError ? <ErrorMessage error={save.error} /> : null}
        {saved ? <p className="notice">{t('peerSettings.saved')}</p> : null}
      </div>
      {canEdit ? (
        <p style={{ margin: 0 }}>
          <button type="submit" disabled={save.isPending}>
            {t('peerSettings.save')}
          </button>
        </p>
      ) : null}
    </form>
  );
}
