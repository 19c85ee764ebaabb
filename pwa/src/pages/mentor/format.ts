// Small formatting helpers of the mentor and family screens, in the current locale.
import { getLocale, t, type MessageKey } from '../../i18n';

const DAY_MS = 86_400_000;

/** 480 → "08:00". */
export function clock(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function moodLabel(mood: number | null | undefined): string {
  return mood && mood >= 1 && mood <= 5 ? t(`mentor.mood.${mood}` as MessageKey) : '';
}

/** A calendar date (YYYY-MM-DD) shifted by whole days. */
export function addDays(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * DAY_MS;
  return new Date(time).toISOString().slice(0, 10);
}

/** "11月23日 周日" for a calendar date. */
export function dayLabel(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(getLocale(), { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    new Date(time),
  );
}

/** Today's date in a time zone (default: the school default, Asia/Shanghai). */
export function todayIn(timeZone = 'Asia/Shanghai'): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** "今天 09:12" or "11月21日 16:05". */
export function momentLabel(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(getLocale(), { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  if (date.toDateString() === new Date().toDateString()) return t('mentor.today', { time });
  return new Intl.DateTimeFormat(getLocale(), { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(
    date,
  );
}
