// A confirmation carried from an entry form to the home card that shows it (in memory, read once).
export interface Flash {
  /** Who shows it: 'checkIn' (the mentor card), `homeLog:<studentId>` (that child's card), `student:<studentId>` (the student page). */
  target: string;
  state: 'sent' | 'waiting';
  text: string;
}

let pending: Flash | null = null;

export function setFlash(flash: Flash): void {
  pending = flash;
}

/** The confirmation for `target`, once; null when there is none. */
export function takeFlash(target: string): Flash | null {
  if (!pending || pending.target !== target) return null;
  const flash = pending;
  pending = null;
  return flash;
}
