// Taking a published playbook offline: the teacher first reads what students will see, then confirms.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { unpublishPlaybook } from '../api/unpublish-playbook';
import { useDesigner } from './designer-context';
import { SaveError, useSaving } from './save-error';

export function UnpublishControl() {
  const { t } = useI18n();
  const { save } = useDesigner();
  const [asking, setAsking] = useState(false);
  const unpublishing = useSaving();

  function unpublish() {
    void unpublishing.run(async () => {
      await save((revision) => unpublishPlaybook(revision));
      setAsking(false);
    });
  }

  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {t('designer.unpublish.button')}
      </button>
    );
  }
  return (
    <div className="warning-box" role="group" aria-labelledby="designer-unpublish-question">
      <p id="designer-unpublish-question">{t('designer.unpublish.question')}</p>
      <p>{t('designer.unpublish.studentsSee')}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={unpublish} disabled={unpublishing.busy}>
          {t('designer.unpublish.confirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('designer.unpublish.cancel')}
        </button>
      </div>
      <SaveError error={unpublishing.error} />
    </div>
  );
}
