// Words and times of the counselling screens: slots and bookings in the school's time zone.
import type { BookingStatus } from '../../api/generated';
import { getLocale, t, type MessageKey } from '../../i18n';
import { addDays, formatDate, formatTime, parseDate, schoolDate } from '../../i18n/time';

export interface RoomInfo {
  id: string;
  name: string;
  place: string;
}

interface Timed {
  startsAt: string;
  endsAt: string;
}

/** "12:00–12:25", school time. */
export function timeRange({ startsAt, endsAt }: Timed): string {
  return t('counselling.timeRange', { start: formatTime(startsAt), end: formatTime(endsAt) });
}

/** "11月25日 周三", the school's date of the start. */
export function dayOf(startsAt: string): string {
  return formatDate(schoolDate(startsAt));
}

/** "11月25日 周三 12:00–12:25". */
export function whenText(slot: Timed): string {
  return t('counselling.when', { day: dayOf(slot.startsAt), time: timeRange(slot) });
}

/** "心语小屋（行政楼二楼 203 室）", or the id's room unknown: a plain word. */
export function roomText(rooms: RoomInfo[], roomId: string): string {
  const room = rooms.find((candidate) => candidate.id === roomId);
  if (!room) return t('counselling.roomUnknown');
  return room.place ? t('counselling.roomWithPlace', { name: room.name, place: room.place }) : room.name;
}

export const statusLabel = (status: BookingStatus) => t(`counselling.status.${status}` as MessageKey);

/** Items grouped by the school date of their start, in the order given (already sorted by time). */
export function byDay<T extends { startsAt: string }>(items: T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = schoolDate(item.startsAt);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** The Monday (YYYY-MM-DD) of the week holding `date`. */
export function mondayOf(date: string): string {
  const time = parseDate(date);
  if (Number.isNaN(time)) return date;
  const weekday = new Date(time).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Minutes as hours, e.g. 650 → "10.8". */
export function hours(minutes: number): string {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** A share as a whole percentage, e.g. 0.2626 → "26%". */
export function percent(share: number): string {
  return new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** "HH:MM" from <input type="time"> as minutes after midnight; -1 when it is not a time. */
export function toMinute(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : -1;
}

/** The calendar file of a booking, for the phone's calendar. */
export function calendarHref(bookingId: string): string {
  return `/bookings/${encodeURIComponent(bookingId)}.ics`;
}
