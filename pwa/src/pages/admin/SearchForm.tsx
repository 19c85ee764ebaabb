import { useId, useState } from 'preact/hooks';
import { t } from '../../i18n';

/** A search box that applies on submit (Enter or the button), not on every keystroke. */
export function SearchForm({ label, onSearch }: { label: string; onSearch: (value: string) => void }) {
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <form role="search" class="search" onSubmit={(event) => { event.preventDefault(); onSearch(value.trim()); }}>
      <label for={id}>{label}</label>
      <div class="search-row">
        <input id={id} type="search" value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        <button type="submit" class="button-secondary">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}
