// Dates and times for every screen, in the current locale and in the school's time zone
// ("today" follows the school), never the device's: a teacher on a trip still sees
// 07:50 for the early-reading check-in. The zone comes with the signed-in session.
import { sessionMe } from '../state/session';
import { getLocale, t } from './index';

/** The schools' default zone, used before anyone is signed in. */
const DEFAULT_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

export function schoolTimeZone(): string {
  // The last-known school's zone offline too: "today" must not jump with the device's zone.
  return sessionMe()?.school?.timeZone || DEFAULT_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to make and a timeline makes hundreds of calls: one per locale, zone and style. */
function formatter(options: Intl.DateTimeFormatOptions, locale: string = getLocale()): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** A moment (ISO string) in the school's zone; the input itself when it is not a moment. */
function inSchoolZone(iso: string, options: Intl.DateTimeFormatOptions): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return formatter({ ...options, timeZone: schoolTimeZone() }).format(moment);
}

// ---- Calendar dates (YYYY-MM-DD): no zone at all, so UTC keeps them from shifting ----

/** Milliseconds of a calendar date's UTC midnight; NaN when it is not YYYY-MM-DD. */
export function parseDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
}

/** A calendar date shifted by whole days. */
export function addDays(date: string, days: number): string {
  const time = parseDate(date);
  return Number.isNaN(time) ? date : new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

const DAY: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', weekday: 'short' };

/** A calendar date, by default as "11月20日 周四". */
export function formatDate(date: string, options: Intl.DateTimeFormatOptions = DAY): string {
  const time = parseDate(date);
  return Number.isNaN(time) ? date : formatter({ ...options, timeZone: 'UTC' }).format(new Date(time));
}

/** Minutes after midnight of a school day (a period's start), e.g. 480 → "08:00". */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

// ---- Moments (ISO date-times), shown in the school's zone ----

/** The school's date of a moment, as YYYY-MM-DD. */
export function schoolDate(moment: Date | string): string {
  // en-CA writes dates as YYYY-MM-DD.
  const options = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: schoolTimeZone() } as const;
  return formatter(options, 'en-CA').format(typeof moment === 'string' ? new Date(moment) : moment);
}

/** Today's date at the school. */
export function schoolToday(): string {
  return schoolDate(new Date());
}

/** Until this hour (school time) the night still belongs to the evening before; as on the server. */
const EVENING_ENDS_HOUR = 5;

/** The evening a home log written now is for: the school's today, or yesterday until 05:00 school
 * time. Only for when the server cannot be asked (offline): online, the server says. */
export function schoolEvening(now: Date = new Date()): string {
  const options = { hour: 'numeric', hourCycle: 'h23', timeZone: schoolTimeZone() } as const;
  const hour = Number(formatter(options, 'en-GB').format(now));
  const today = schoolDate(now);
  return hour < EVENING_ENDS_HOUR ? addDays(today, -1) : today;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "14:05". */
export function formatTime(iso: string): string {
  return inSchoolZone(iso, TIME);
}

/** "11月20日 14:05". */
export function formatDateTime(iso: string): string {
  return inSchoolZone(iso, { month: 'long', day: 'numeric', ...TIME });
}

/** With the year, e.g. when a case was opened or an invitation expires: "2025年11月20日 14:05". */
export function formatFullDateTime(iso: string): string {
  return inSchoolZone(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "今天 09:12" for a moment of the school's today, else "11月21日 16:05". */
export function formatRelative(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return schoolDate(moment) === schoolToday() ? t('time.today', { time: formatTime(iso) }) : formatDateTime(iso);
}
