// After "load more", keyboard and screen-reader users land on the first new item rather
// than staying on a button that may vanish (the last page has none).
import { useEffect, useRef } from 'preact/hooks';

/** `list` holds the items as <li tabindex="-1">; call `mark()` just before loading more. */
export function useFocusNew(count: number) {
  const list = useRef<HTMLOListElement & HTMLUListElement>(null);
  const pending = useRef<number | null>(null);
  useEffect(() => {
    const from = pending.current;
    if (from === null || count <= from) return;
    pending.current = null;
    const item = list.current?.children.item(from);
    if (item instanceof HTMLElement) item.focus();
  }, [count]);
  return {
    list,
    mark: () => {
      pending.current = count;
    },
  };
}
