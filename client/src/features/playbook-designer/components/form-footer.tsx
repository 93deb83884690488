// The end of every designer form: what still needs fixing, save, close, delete (for an existing item), and how the save went.
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import { SaveError, type useSaving } from './save-error';
import { SavedNote } from './saved-note';

export function FormFooter(props: {
  saving: ReturnType<typeof useSaving>;
  /** Show "fix the marked fields" once the teacher tried to save with problems. */
  showFixHint: boolean;
  saveLabel: MessageKey;
  onClose: () => void;
  /** Only for an item that exists already. */
  onDelete?: () => void;
  deleteLabel: MessageKey;
  /** Sends the refused change again with the teacher's confirmation (criteria students already saw). */
  onConfirm?: () => void;
}) {
  const { t } = useI18n();
  const { saving } = props;
  return (
    <>
      {props.showFixHint ? (
        <p role="alert" className="field-error">
          {t('designer.validation.fix')}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={saving.busy}>
          {t(props.saveLabel)}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('designer.close')}
        </button>
        {props.onDelete ? (
          <button type="button" className="danger" onClick={props.onDelete} disabled={saving.busy}>
            {t(props.deleteLabel)}
          </button>
        ) : null}
      </div>
      <SaveError error={saving.error} {...(props.onConfirm ? { onConfirm: props.onConfirm } : {})} />
      <SavedNote shown={saving.done} />
    </>
  );
}
