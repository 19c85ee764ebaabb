// The parts of the account's last-known snapshot (db/snapshot.ts) the mentor and family screens keep:
// what the home cards loaded, so that the entry forms opened from them know the student's name and
// the school's date, also with no network.
import type { CheckInStudentQuery, FamilyCardQuery, MyStudentsQuery, ObservableStudentsQuery } from '../../api/generated';
import { recall } from '../../db/snapshot';

export type MyDay = MyStudentsQuery['myStudents'];
export type FamilyData = FamilyCardQuery;
export type CheckInStudent = CheckInStudentQuery['studentCare'];
export type ObservableStudents = ObservableStudentsQuery['observableStudents'];

export const PART = {
  myDay: 'myStudents',
  family: (studentId: string) => `family:${studentId}`,
  checkInStudent: (studentId: string) => `checkInStudent:${studentId}`,
  /** The observation form's first list (no search). */
  observable: 'observable',
};

export function recallFamily(accountId: string, studentId: string): FamilyData | null {
  return recall<FamilyData>(accountId, PART.family(studentId))?.data ?? null;
}

/** A student's name as the mentor card or the check-in form last had it. */
export function recallName(accountId: string, studentId: string): string | null {
  const own = recall<CheckInStudent>(accountId, PART.checkInStudent(studentId))?.data;
  if (own) return own.student.name;
  const day = recall<MyDay>(accountId, PART.myDay)?.data;
  return day?.students.find((row) => row.student.id === studentId)?.student.name ?? null;
}
