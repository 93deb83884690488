// The playcard of an activity type: what it is, the blends with the grid that make sense, and tools that fit.
import { useI18n } from '../../../i18n/i18n-context';
import type { ActivityType } from '../api/types';
import { ActivityTypeBadge } from './activity-type-badge';
import { useDesigner } from './designer-context';
import { useDomainText } from './domain-text';

export function PlaycardView({ type, headingLevel = 5 }: { type: ActivityType; headingLevel?: 4 | 5 }) {
  const { t } = useI18n();
  const { design } = useDesigner();
  const say = useDomainText();
  const card = design.playcards.cards.find((c) => c.type === type);
  if (!card) return null;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  return (
    <aside className={`playcard pd-edge-${type}`} aria-label={t('designer.playcard.label', { type: say(card.titleKey) })}>
      <Heading>
        <ActivityTypeBadge type={type} /> {say(card.titleKey)}
      </Heading>
      <p>{say(card.whatKey)}</p>
      <p className="hint">{t('designer.playcard.blends')}</p>
      <ul>
        {card.blends.map((b) => (
          <li key={b.exampleKey}>
            <strong>
              {t(`designer.m.environment.${b.environment}`)} · {t(`designer.m.form.${b.form}`)}:
            </strong>{' '}
            {say(b.exampleKey)}
          </li>
        ))}
      </ul>
      <p>
        <span className="hint">{t('designer.playcard.tools')}</span> {card.tools.map((tool) => say(`playcard.tool.${tool}`)).join(', ')}
      </p>
    </aside>
  );
}
