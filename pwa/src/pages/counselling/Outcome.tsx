// The result of an action (booked, cancelled, marked, saved, refused), announced and focused, so
// that a keyboard or screen-reader user lands on it rather than on a button that may be gone.
import { useEffect, useRef } from 'preact/hooks';

export interface OutcomeState {
  kind: 'ok' | 'error';
  text: string;
  /** Bumped for each new outcome, so the same text twice is focused twice. */
  serial: number;
}

let serial = 0;

export function outcome(kind: OutcomeState['kind'], text: string): OutcomeState {
  serial += 1;
  return { kind, text, serial };
}

export function Outcome({ state }: { state: OutcomeState | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!state) return;
    // After the page's own focus on its heading (which runs after its children's effects).
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [state?.serial]);
  if (!state) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={state.kind === 'error' ? 'alert' : 'status'}
      class={state.kind === 'error' ? 'alert alert-error outcome' : 'alert alert-status outcome'}
    >
      {state.text}
    </p>
  );
}
