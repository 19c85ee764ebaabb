// Entries left the outbox (sent, usually): what the server says has changed, so the card loads again.
import { useEffect, useRef } from 'preact/hooks';

export function useReloadWhenSent(waitingCount: number, reload: () => void): void {
  const before = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < before.current) reload();
    before.current = waitingCount;
  }, [waitingCount]);
}
