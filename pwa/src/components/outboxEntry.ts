// How an entry kept on the phone is named to its author, so that several can be told apart
// ("周子涵 · 签到 · 今天 10:42 · 心情 2 · “课间一个人坐…”"), and where its form opens to correct it.
import type { OutboxEntry, OutboxKind } from '../db/outbox';
import { t, type MessageKey } from '../i18n';
import { formatDate, formatRelative, schoolEvening } from '../i18n/time';

const KIND_KEYS: Record<OutboxKind, MessageKey> = {
  checkIn: 'outbox.kind.checkIn',
  homeLog: 'outbox.kind.homeLog',
  observation: 'outbox.kind.observation',
};

/** How much of the note is quoted: enough to recognise it, short enough for a phone line. */
const NOTE_CHARS = 10;

interface Input {
  mood?: number | null;
  note?: string | null;
  logDate?: string;
}

function inputOf(entry: OutboxEntry): Input {
  const input = entry.variables.input;
  return input && typeof input === 'object' ? (input as Input) : {};
}

/** Who, what and when: the entry's name in buttons and questions. */
export function entryTitle(entry: OutboxEntry): string {
  return [
    entry.studentName || t('outbox.unknownStudent'),
    t(KIND_KEYS[entry.kind]),
    formatRelative(entry.createdAt),
  ].join(t('outbox.separator'));
}

/** The title with what was recorded: the day (a home log for another day), the mood, the note's first words. */
export function entryLine(entry: OutboxEntry): string {
  const input = inputOf(entry);
  const parts = [entryTitle(entry)];
  if (entry.kind === 'homeLog' && input.logDate && input.logDate !== schoolEvening()) {
    parts.push(t('outbox.forDay', { date: formatDate(input.logDate) }));
  }
  if (typeof input.mood === 'number') parts.push(t('outbox.mood', { mood: input.mood }));
  const note = (input.note ?? '').trim();
  if (note) {
    const chars = [...note];
    parts.push(t('outbox.note', { note: chars.length > NOTE_CHARS ? `${chars.slice(0, NOTE_CHARS).join('')}…` : note }));
  }
  return parts.join(t('outbox.separator'));
}

/** The entry's own form, filled with its values. */
export function entryPath(entry: OutboxEntry): string {
  const id = encodeURIComponent(entry.id);
  if (entry.kind === 'checkIn') return `/check-in/${entry.studentId}?entry=${id}`;
  if (entry.kind === 'homeLog') return `/home-log/${entry.studentId}?entry=${id}`;
  return `/observe?entry=${id}`;
}
