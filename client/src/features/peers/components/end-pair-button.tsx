// Ending a pair takes two clicks: "End the pair with …", then "Yes, end it" (or "Keep it"), so a stray click does not
// cut a junior off from their peer.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';

export function EndPairButton({ label, disabled, onEnd }: { label: string; disabled: boolean; onEnd: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" aria-label={label} disabled={disabled} onClick={() => setAsking(true)}>
        {t('peers.end')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={label}>
      {t('peers.end.confirm')}{' '}
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onEnd();
        }}
      >
        {t('peers.end.yes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('peers.end.no')}
      </button>
    </span>
  );
}
