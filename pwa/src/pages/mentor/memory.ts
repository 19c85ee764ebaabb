// What the mentor and family cards last loaded, kept in memory only (it concerns minors) so that
// the forms opened from them know the student's name and the school's date while offline.
import type { FamilyCardQuery, MyStudentsQuery } from '../../api/generated';

export type MyDay = MyStudentsQuery['myStudents'];
export type FamilyData = FamilyCardQuery;

let myDay: { accountId: string; day: MyDay } | null = null;
const families = new Map<string, FamilyData>();
const names = new Map<string, string>();

export function rememberMyDay(accountId: string, day: MyDay): void {
  myDay = { accountId, day };
  for (const row of day.students) names.set(row.student.id, row.student.name);
}

export function recallMyDay(accountId: string): MyDay | null {
  return myDay && myDay.accountId === accountId ? myDay.day : null;
}

export function rememberFamily(accountId: string, studentId: string, data: FamilyData): void {
  families.set(`${accountId}:${studentId}`, data);
}

export function recallFamily(accountId: string, studentId: string): FamilyData | null {
  return families.get(`${accountId}:${studentId}`) ?? null;
}

export function rememberName(studentId: string, name: string): void {
  names.set(studentId, name);
}

export function recallName(studentId: string): string | null {
  return names.get(studentId) ?? null;
}

/** Forget everything when someone else signs in on this phone. */
export function forgetAll(): void {
  myDay = null;
  families.clear();
  names.clear();
}
