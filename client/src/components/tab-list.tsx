// The row of tabs over a workspace (WAI-ARIA tabs: each tab names the panel it controls; the caller renders that panel).
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

export interface TabListProps<Id extends string> {
  label: MessageKey;
  tabs: readonly { id: Id; label: MessageKey }[];
  selected: Id;
  onSelect(id: Id): void;
}

export function TabList<Id extends string>({ label, tabs, selected, onSelect }: TabListProps<Id>) {
  const { t } = useI18n();
  return (
    <div role="tablist" aria-label={t(label)} className="tabs">
      {tabs.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={`tab-${item.id}`}
          aria-selected={selected === item.id}
          aria-controls={`panel-${item.id}`}
          className={selected === item.id ? 'tab active' : 'tab'}
          onClick={() => onSelect(item.id)}
        >
          {t(item.label)}
        </button>
      ))}
    </div>
  );
}
