/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Accompaniment =
  | 'NONE'
  | 'PARTLY'
  | 'WHOLE';

export type BookingStatus =
  | 'ATTENDED'
  | 'BOOKED'
  | 'CANCELLED'
  | 'NO_SHOW';

export type CaseChangeKind =
  | 'LEAD'
  | 'LEVEL'
  | 'MEMBER_ADDED'
  | 'MEMBER_REMOVED'
  | 'OPENED'
  | 'STATUS';

export type CaseReason =
  | 'ACADEMIC_PRESSURE'
  | 'DIAGNOSED_CONDITION'
  | 'DISCIPLINARY_SANCTION'
  | 'FAMILY_PROBLEMS'
  | 'OTHER'
  | 'PEER_DIFFICULTIES'
  | 'TEACHER_CONFLICT';

export type CaseStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'ON_LEAVE'
  | 'TRANSFERRED';

export type CheckInInput = {
  mood: number;
  note?: string | null | undefined;
  occurredAt?: string | null | undefined;
  signals?: Array<Signal>;
  status: InSchoolStatus;
  studentId: string;
  talkMinutes?: number | null | undefined;
  talked?: boolean;
  visibility?: EntryVisibility;
};

export type ClassInput = {
  classTeacherId?: string | null | undefined;
  grade: number;
  name: string;
};

/** Who may read an entry: FAMILY = the team and the guardians; TEAM = staff only. */
export type EntryVisibility =
  | 'FAMILY'
  | 'TEAM';

export type GuardianInput = {
  displayName: string;
  login: string;
  phone?: string | null | undefined;
  relation: string;
  studentId: string;
};

export type HomeLogInput = {
  accompaniment: Accompaniment;
  exerciseMinutes: number;
  listeningMinutes: number;
  logDate: string;
  mood?: number | null | undefined;
  note?: string | null | undefined;
  screenMinutes?: number | null | undefined;
  signals?: Array<Signal>;
  sleepHours?: number | null | undefined;
  studentId: string;
};

export type InSchoolStatus =
  | 'ABSENT_WITHOUT_REASON'
  | 'ABSENT_WITH_LEAVE'
  | 'LATE'
  | 'LEFT_EARLY'
  | 'PRESENT';

/** What a notification is about. */
export type NotificationKind =
  | 'ALERT_UNACKNOWLEDGED'
  | 'BOOKING_CHANGED'
  | 'BOOKING_SOON'
  | 'CHECK_INS_DUE'
  | 'CRISIS_ALERT'
  | 'HOME_LOG_DUE'
  | 'MISSING_CHECK_INS'
  | 'ROTA_GAPS'
  | 'TEST';

export type ObservationInput = {
  note: string;
  observedAt?: string | null | undefined;
  signals?: Array<Signal>;
  studentId: string;
};

export type OpenCaseInput = {
  leadId?: string | null | undefined;
  level: WarningLevel;
  reasons: Array<CaseReason>;
  studentId: string;
  summary?: string | null | undefined;
};

export type OpeningExceptionInput = {
  bufferMinutes?: number;
  day: string;
  endMinute?: number | null | undefined;
  kind: OpeningExceptionKind;
  slotMinutes?: number | null | undefined;
  startMinute?: number | null | undefined;
  wholeRoom?: boolean;
};

export type OpeningExceptionKind =
  | 'CLOSED'
  | 'EXTRA';

export type OpeningTemplateInput = {
  bufferMinutes?: number;
  endMinute: number;
  slotMinutes: number;
  startMinute: number;
  weekday: number;
};

export type PeriodInput = {
  endMinute: number;
  name: string;
  startMinute: number;
};

export type PushSubscriptionInput = {
  auth: string;
  endpoint: string;
  label?: string | null | undefined;
  p256dh: string;
};

export type ReminderTimesInput = {
  escalateAfterMinutes: number;
  guardianReminder: string;
  leadDigest: string;
  mentorReminder: string;
  quietEnd: string;
  quietStart: string;
};

export type RoleKind =
  | 'CLASS_TEACHER'
  | 'COUNSELLOR'
  | 'DISTRICT_STAFF'
  | 'GUARDIAN'
  | 'MENTOR'
  | 'SCHOOL_ADMIN'
  | 'STAFF'
  | 'STUDENT';

export type RotaSlotInput = {
  accountId: string;
  periodId: string;
  weekday: number;
};

export type SchoolWebhookInput = {
  active?: boolean;
  id?: string | null | undefined;
  kinds: Array<NotificationKind>;
  name: string;
  /** Required for a new robot; omit to keep the saved one. */
  url?: string | null | undefined;
};

export type Signal =
  | 'APPETITE_CHANGE'
  | 'ATTACKING_OTHERS'
  | 'EMOTIONAL_OUTBURST'
  | 'FAMILY_CONFLICT'
  | 'GRADE_DROP'
  | 'LOW_MOOD'
  | 'PEER_CONFLICT'
  | 'RUNNING_AWAY'
  | 'SELF_HARM'
  | 'SLEEP_PROBLEMS'
  | 'SUICIDE_TALK'
  | 'TEACHER_CONFLICT'
  | 'TRUANCY'
  | 'WITHDRAWAL';

export type StaffInput = {
  displayName: string;
  isAdmin?: boolean;
  isCounsellor?: boolean;
  login: string;
  phone?: string | null | undefined;
};

export type StudentInput = {
  birthDate?: string | null | undefined;
  classId: string;
  login?: string | null | undefined;
  name: string;
  studentNumber: string;
};

export type TeamRole =
  | 'DOCTOR'
  | 'GUARDIAN'
  | 'LEAD'
  | 'MENTOR'
  | 'OUTSIDE_COUNSELLOR'
  | 'SOCIAL_WORKER';

export type TimelineFilter = {
  authorId?: string | null | undefined;
  kinds?: Array<TimelineKind> | null | undefined;
  signalsOnly?: boolean;
  since?: string | null | undefined;
  until?: string | null | undefined;
};

export type TimelineKind =
  | 'ALERT'
  | 'CASE_CHANGE'
  | 'CHECK_IN'
  | 'COUNSELLING'
  | 'HOME_LOG'
  | 'OBSERVATION';

export type WarningLevel =
  | 'FOCUS'
  | 'SEVERE'
  | 'WATCH';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'Me', account: { __typename: 'Account', id: string, login: string, displayName: string, phone: string | null, locale: string }, roles: Array<{ __typename: 'RoleGrant', kind: RoleKind, classId: string | null, className: string | null, studentId: string | null, studentName: string | null, relation: string | null, districtName: string | null }>, school: { __typename: 'School', id: string, name: string, district: string, timeZone: string, roomPlace: string, roomHours: string, hotlines: Array<{ __typename: 'Hotline', label: string, number: string }> } | null } | null };

export type LoginMutationVariables = Exact<{
  login: string;
  password: string;
}>;


export type LoginMutation = { __typename: 'Mutation', login:
    | { __typename: 'LoginError', message: string }
    | { __typename: 'LoginSuccess', me: { __typename: 'Me', account: { __typename: 'Account', id: string } } }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename: 'Mutation', logout: boolean };

export type ActivateAccountMutationVariables = Exact<{
  code: string;
  password: string;
}>;


export type ActivateAccountMutation = { __typename: 'Mutation', activateAccount:
    | { __typename: 'LoginSuccess', me: { __typename: 'Me', account: { __typename: 'Account', id: string } } }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { __typename: 'Mutation', changePassword:
    | { __typename: 'PasswordChanged', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type ClassesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ClassesQuery = { __typename: 'Query', classes: { __typename: 'SchoolClassConnection', nodes: Array<{ __typename: 'SchoolClass', id: string, grade: number, name: string, studentCount: number, classTeacher: { __typename: 'StaffMember', id: string, displayName: string } | null }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateClassMutationVariables = Exact<{
  input: ClassInput;
}>;


export type CreateClassMutation = { __typename: 'Mutation', createClass:
    | { __typename: 'SchoolClass', id: string, grade: number, name: string, studentCount: number, classTeacher: { __typename: 'StaffMember', id: string, displayName: string } | null }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type StudentsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  classId?: string | null | undefined;
  search?: string | null | undefined;
  includeInactive: boolean;
}>;


export type StudentsQuery = { __typename: 'Query', students: { __typename: 'StudentConnection', nodes: Array<{ __typename: 'Student', id: string, name: string, studentNumber: string, birthDate: string | null, active: boolean, schoolClass: { __typename: 'SchoolClass', id: string, name: string, grade: number } | null, account: { __typename: 'AccountState', id: string, login: string, active: boolean, activated: boolean } | null, guardians: Array<{ __typename: 'GuardianLink', relation: string, guardian: { __typename: 'Guardian', id: string, displayName: string } }> }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateStudentMutationVariables = Exact<{
  input: StudentInput;
}>;


export type CreateStudentMutation = { __typename: 'Mutation', createStudent:
    | { __typename: 'Student', id: string, name: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type StaffQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type StaffQuery = { __typename: 'Query', staff: { __typename: 'StaffMemberConnection', nodes: Array<{ __typename: 'StaffMember', id: string, displayName: string, phone: string | null, login: string, active: boolean, activated: boolean, isAdmin: boolean, isCounsellor: boolean }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateStaffMutationVariables = Exact<{
  input: StaffInput;
}>;


export type CreateStaffMutation = { __typename: 'Mutation', createStaff:
    | { __typename: 'StaffMember', id: string, displayName: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type GuardiansQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type GuardiansQuery = { __typename: 'Query', guardians: { __typename: 'GuardianConnection', nodes: Array<{ __typename: 'Guardian', id: string, displayName: string, phone: string | null, login: string, active: boolean, activated: boolean, children: Array<{ __typename: 'GuardianChild', relation: string, studentId: string, studentName: string }> }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateGuardianMutationVariables = Exact<{
  input: GuardianInput;
}>;


export type CreateGuardianMutation = { __typename: 'Mutation', createGuardian:
    | { __typename: 'Guardian', id: string, displayName: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SetAccountActiveMutationVariables = Exact<{
  accountId: string;
  active: boolean;
}>;


export type SetAccountActiveMutation = { __typename: 'Mutation', setAccountActive:
    | { __typename: 'AccountStatus', accountId: string, active: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type IssueInvitationMutationVariables = Exact<{
  accountId: string;
}>;


export type IssueInvitationMutation = { __typename: 'Mutation', issueInvitation:
    | { __typename: 'Invitation', code: string, login: string, expiresAt: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SchoolPeriodsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolPeriodsQuery = { __typename: 'Query', schoolPeriods: Array<{ __typename: 'SchoolPeriod', id: string, position: number, name: string, startMinute: number, endMinute: number }> };

export type SetSchoolPeriodsMutationVariables = Exact<{
  periods: Array<PeriodInput> | PeriodInput;
}>;


export type SetSchoolPeriodsMutation = { __typename: 'Mutation', setSchoolPeriods:
    | { __typename: 'SchoolDay', periods: Array<{ __typename: 'SchoolPeriod', id: string, position: number, name: string, startMinute: number, endMinute: number }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type CounsellingRoomsQueryVariables = Exact<{ [key: string]: never; }>;


export type CounsellingRoomsQuery = { __typename: 'Query', counsellingRooms: Array<{ __typename: 'Room', id: string, name: string, place: string }> };

export type SaveCounsellingRoomMutationVariables = Exact<{
  id?: string | null | undefined;
  name: string;
  place: string;
}>;


export type SaveCounsellingRoomMutation = { __typename: 'Mutation', saveCounsellingRoom:
    | { __typename: 'Room', id: string, name: string, place: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type ClassBoardQueryVariables = Exact<{
  classId: string;
}>;


export type ClassBoardQuery = { __typename: 'Query', classBoard: Array<{ __typename: 'BoardRow', caseId: string, level: WarningLevel, status: CaseStatus, openAlerts: number, checkInsToday: number, latestMood: number | null, latestMoodAt: string | null, lastHomeLogDate: string | null, lastHomeMood: number | null, lastListeningMinutes: number | null, lastExerciseMinutes: number | null, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null }, checkedIn: Array<{ __typename: 'Person', id: string, displayName: string }>, notCheckedIn: Array<{ __typename: 'Person', id: string, displayName: string }> }> };

export type ClassAlertCountQueryVariables = Exact<{
  classId: string;
}>;


export type ClassAlertCountQuery = { __typename: 'Query', classBoard: Array<{ __typename: 'BoardRow', caseId: string, openAlerts: number }> };

export type SchoolBoardQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SchoolBoardQuery = { __typename: 'Query', schoolBoard: { __typename: 'BoardConnection', total: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'BoardRow', caseId: string, level: WarningLevel, status: CaseStatus, openAlerts: number, checkInsToday: number, latestMood: number | null, latestMoodAt: string | null, lastHomeLogDate: string | null, lastHomeMood: number | null, lastListeningMinutes: number | null, lastExerciseMinutes: number | null, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null }, checkedIn: Array<{ __typename: 'Person', id: string, displayName: string }>, notCheckedIn: Array<{ __typename: 'Person', id: string, displayName: string }> }> } };

export type OpenAlertsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OpenAlertsQuery = { __typename: 'Query', alerts: { __typename: 'AlertConnection', nodes: Array<{ __typename: 'Alert', id: string, signals: Array<Signal>, sourceKind: TimelineKind, raisedAt: string, acknowledgedAt: string | null, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null } | null, raisedBy: { __typename: 'Person', id: string, displayName: string } | null }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string;
}>;


export type AcknowledgeAlertMutation = { __typename: 'Mutation', acknowledgeAlert:
    | { __typename: 'Alert', id: string, acknowledgedAt: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type StudentCareQueryVariables = Exact<{
  studentId: string;
}>;


export type StudentCareQuery = { __typename: 'Query', studentCare: { __typename: 'StudentCare', canCheckIn: boolean, canLead: boolean, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null }, case: { __typename: 'CareCase', id: string, level: WarningLevel, status: CaseStatus, reasons: Array<CaseReason>, summary: string, openedAt: string, updatedAt: string, lead: { __typename: 'Person', id: string, displayName: string, phone: string | null } | null } | null, team: { __typename: 'CareTeam', caseId: string, members: Array<{ __typename: 'TeamMember', role: TeamRole, relation: string | null, person: { __typename: 'Person', id: string, displayName: string, phone: string | null } }> } | null, chart: Array<{ __typename: 'ChartDay', date: string, mentorMood: number | null, homeMood: number | null, listeningMet: boolean | null, exerciseMet: boolean | null }> } };

export type StudentTimelineQueryVariables = Exact<{
  studentId: string;
  first: number;
  after?: string | null | undefined;
  filter?: TimelineFilter | null | undefined;
}>;


export type StudentTimelineQuery = { __typename: 'Query', timeline: { __typename: 'TimelineConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'TimelineEntry', id: string, kind: TimelineKind, occurredAt: string, hasSignal: boolean, item:
        | { __typename: 'Alert', id: string, signals: Array<Signal>, sourceKind: TimelineKind, acknowledgedAt: string | null, raisedBy: { __typename: 'Person', id: string, displayName: string } | null, acknowledgedBy: { __typename: 'Person', id: string, displayName: string } | null }
        | { __typename: 'CaseChange', id: string, kind: CaseChangeKind, fromValue: string | null, toValue: string | null, reason: string, changedBy: { __typename: 'Person', id: string, displayName: string } | null, subject: { __typename: 'Person', id: string, displayName: string } | null }
        | { __typename: 'CheckIn', id: string, mood: number, status: InSchoolStatus, signals: Array<Signal>, talked: boolean, talkMinutes: number | null, note: string, version: number, amendedAt: string | null, canAmend: boolean, revisions: Array<{ __typename: 'CheckInVersion', version: number, mood: number, status: InSchoolStatus, signals: Array<Signal>, note: string, replacedAt: string }>, author: { __typename: 'Person', id: string, displayName: string } | null }
        | { __typename: 'CounsellingConclusion', id: string, conclusion: string, sharedAt: string }
        | { __typename: 'HomeLog', id: string, logDate: string, listeningMinutes: number, exerciseMinutes: number, accompaniment: Accompaniment, sleepHours: number | null, screenMinutes: number | null, signals: Array<Signal>, note: string, homeMood: number | null, author: { __typename: 'Person', id: string, displayName: string } | null }
        | { __typename: 'Observation', id: string, signals: Array<Signal>, note: string, author: { __typename: 'Person', id: string, displayName: string } | null }
       }> } };

export type CaseRotaQueryVariables = Exact<{
  caseId: string;
}>;


export type CaseRotaQuery = { __typename: 'Query', rota: { __typename: 'Rota', caseId: string, schoolDays: Array<number>, periods: Array<{ __typename: 'SchoolPeriod', id: string, position: number, name: string, startMinute: number, endMinute: number }>, assignments: Array<{ __typename: 'RotaAssignment', weekday: number, periodId: string, person: { __typename: 'Person', id: string, displayName: string } }> } | null };

export type SetRotaMutationVariables = Exact<{
  caseId: string;
  slots: Array<RotaSlotInput> | RotaSlotInput;
}>;


export type SetRotaMutation = { __typename: 'Mutation', setRota:
    | { __typename: 'Rota', caseId: string, schoolDays: Array<number>, periods: Array<{ __typename: 'SchoolPeriod', id: string, position: number, name: string, startMinute: number, endMinute: number }>, assignments: Array<{ __typename: 'RotaAssignment', weekday: number, periodId: string, person: { __typename: 'Person', id: string, displayName: string } }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type TeamCandidatesQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
}>;


export type TeamCandidatesQuery = { __typename: 'Query', teamCandidates: Array<{ __typename: 'Person', id: string, displayName: string, phone: string | null }> };

export type AddTeamMemberMutationVariables = Exact<{
  caseId: string;
  accountId: string;
  role: TeamRole;
}>;


export type AddTeamMemberMutation = { __typename: 'Mutation', addTeamMember:
    | { __typename: 'CareTeam', caseId: string, members: Array<{ __typename: 'TeamMember', role: TeamRole, relation: string | null, person: { __typename: 'Person', id: string, displayName: string, phone: string | null } }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type RemoveTeamMemberMutationVariables = Exact<{
  caseId: string;
  accountId: string;
}>;


export type RemoveTeamMemberMutation = { __typename: 'Mutation', removeTeamMember:
    | { __typename: 'CareTeam', caseId: string, members: Array<{ __typename: 'TeamMember', role: TeamRole, relation: string | null, person: { __typename: 'Person', id: string, displayName: string, phone: string | null } }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SetTeamLeadMutationVariables = Exact<{
  caseId: string;
  accountId: string;
}>;


export type SetTeamLeadMutation = { __typename: 'Mutation', setTeamLead:
    | { __typename: 'CareTeam', caseId: string, members: Array<{ __typename: 'TeamMember', role: TeamRole, relation: string | null, person: { __typename: 'Person', id: string, displayName: string, phone: string | null } }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type ChangeCareLevelMutationVariables = Exact<{
  caseId: string;
  level: WarningLevel;
  reason: string;
}>;


export type ChangeCareLevelMutation = { __typename: 'Mutation', changeCareLevel:
    | { __typename: 'CareCase', id: string, level: WarningLevel, status: CaseStatus, updatedAt: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type ChangeCareStatusMutationVariables = Exact<{
  caseId: string;
  status: CaseStatus;
  reason: string;
}>;


export type ChangeCareStatusMutation = { __typename: 'Mutation', changeCareStatus:
    | { __typename: 'CareCase', id: string, level: WarningLevel, status: CaseStatus, updatedAt: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type OpenCaseStudentsQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
}>;


export type OpenCaseStudentsQuery = { __typename: 'Query', observableStudents: Array<{ __typename: 'StudentSummary', id: string, name: string, className: string | null }> };

export type OpenCareCaseMutationVariables = Exact<{
  input: OpenCaseInput;
}>;


export type OpenCareCaseMutation = { __typename: 'Mutation', openCareCase:
    | { __typename: 'CareCase', id: string, student: { __typename: 'StudentSummary', id: string, name: string } | null }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type MyBookingsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBookingsQuery = { __typename: 'Query', myBookings: Array<{ __typename: 'Booking', id: string, roomId: string, startsAt: string, endsAt: string, topic: string, status: BookingStatus, cancelledAt: string | null, cancelReason: string, cancelledByCounsellor: boolean, counsellor: { __typename: 'Person', id: string, displayName: string } | null }>, counsellingRooms: Array<{ __typename: 'Room', id: string, name: string, place: string }> };

export type BookingSlotsQueryVariables = Exact<{ [key: string]: never; }>;


export type BookingSlotsQuery = { __typename: 'Query', counsellingSlots: Array<{ __typename: 'Slot', key: string, roomId: string, startsAt: string, endsAt: string, counsellor: { __typename: 'Person', id: string, displayName: string } | null }>, counsellingRooms: Array<{ __typename: 'Room', id: string, name: string, place: string }>, myBookings: Array<{ __typename: 'Booking', id: string, startsAt: string, endsAt: string, status: BookingStatus }> };

export type BookSlotMutationVariables = Exact<{
  slotKey: string;
  topic?: string | null | undefined;
}>;


export type BookSlotMutation = { __typename: 'Mutation', bookSlot:
    | { __typename: 'Booking', id: string, startsAt: string, endsAt: string, roomId: string }
    | { __typename: 'SlotTaken', message: string, freeSlots: Array<{ __typename: 'Slot', key: string, roomId: string, startsAt: string, endsAt: string, counsellor: { __typename: 'Person', id: string, displayName: string } | null }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type CancelBookingMutationVariables = Exact<{
  id: string;
  reason?: string | null | undefined;
}>;


export type CancelBookingMutation = { __typename: 'Mutation', cancelBooking:
    | { __typename: 'Booking', id: string, status: BookingStatus, cancelledAt: string | null, cancelReason: string, cancelledByCounsellor: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type CounsellorTodayQueryVariables = Exact<{
  today: string;
}>;


export type CounsellorTodayQuery = { __typename: 'Query', counsellorSchedule: Array<{ __typename: 'Booking', id: string, startsAt: string, endsAt: string, status: BookingStatus, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null } | null }> };

export type CounsellorWeekQueryVariables = Exact<{
  since: string;
}>;


export type CounsellorWeekQuery = { __typename: 'Query', counsellorSchedule: Array<{ __typename: 'Booking', id: string, roomId: string, startsAt: string, endsAt: string, topic: string, status: BookingStatus, cancelledAt: string | null, cancelReason: string, cancelledByCounsellor: boolean, hasRecord: boolean, counsellor: { __typename: 'Person', id: string, displayName: string } | null, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null } | null }>, counsellingRooms: Array<{ __typename: 'Room', id: string, name: string, place: string }> };

export type FreeSlotsQueryVariables = Exact<{ [key: string]: never; }>;


export type FreeSlotsQuery = { __typename: 'Query', counsellingSlots: Array<{ __typename: 'Slot', key: string, roomId: string, startsAt: string, endsAt: string, counsellor: { __typename: 'Person', id: string, displayName: string } | null }> };

export type MarkAttendanceMutationVariables = Exact<{
  bookingId: string;
  attended: boolean;
}>;


export type MarkAttendanceMutation = { __typename: 'Mutation', markAttendance:
    | { __typename: 'Booking', id: string, status: BookingStatus }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type MoveBookingMutationVariables = Exact<{
  id: string;
  slotKey: string;
  reason: string;
}>;


export type MoveBookingMutation = { __typename: 'Mutation', moveBooking:
    | { __typename: 'Booking', id: string, startsAt: string, endsAt: string }
    | { __typename: 'SlotTaken', message: string, freeSlots: Array<{ __typename: 'Slot', key: string, roomId: string, startsAt: string, endsAt: string, counsellor: { __typename: 'Person', id: string, displayName: string } | null }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type WriteSessionRecordMutationVariables = Exact<{
  bookingId: string;
  notes: string;
  conclusion?: string | null | undefined;
  shareConclusion: boolean;
}>;


export type WriteSessionRecordMutation = { __typename: 'Mutation', writeSessionRecord:
    | { __typename: 'SessionRecord', id: string, notes: string, conclusion: string, conclusionSharedAt: string | null, writtenAt: string, updatedAt: string, writtenBy: { __typename: 'Person', id: string, displayName: string } | null }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type OpeningHoursQueryVariables = Exact<{ [key: string]: never; }>;


export type OpeningHoursQuery = { __typename: 'Query', openingHours: { __typename: 'OpeningHours', openMinutes: number, minimumMinutes: number, meetsMinimum: boolean, schoolMinutes: number, share: number, shareTarget: number, meetsShare: boolean, templates: Array<{ __typename: 'OpeningTemplate', id: string, roomId: string, weekday: number, startMinute: number, endMinute: number, slotMinutes: number, bufferMinutes: number, counsellor: { __typename: 'Person', id: string, displayName: string } | null }> } | null, counsellingRooms: Array<{ __typename: 'Room', id: string, name: string, place: string }> };

export type OpeningSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type OpeningSummaryQuery = { __typename: 'Query', openingHours: { __typename: 'OpeningHours', openMinutes: number, minimumMinutes: number, meetsMinimum: boolean, schoolMinutes: number, share: number, shareTarget: number, meetsShare: boolean } | null };

export type SetOpeningTemplatesMutationVariables = Exact<{
  roomId: string;
  templates: Array<OpeningTemplateInput> | OpeningTemplateInput;
}>;


export type SetOpeningTemplatesMutation = { __typename: 'Mutation', setOpeningTemplates:
    | { __typename: 'OpeningHours', openMinutes: number, minimumMinutes: number, meetsMinimum: boolean, schoolMinutes: number, share: number, shareTarget: number, meetsShare: boolean, templates: Array<{ __typename: 'OpeningTemplate', id: string, roomId: string, weekday: number, startMinute: number, endMinute: number, slotMinutes: number, bufferMinutes: number, counsellor: { __typename: 'Person', id: string, displayName: string } | null }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SessionRecordQueryVariables = Exact<{
  bookingId: string;
}>;


export type SessionRecordQuery = { __typename: 'Query', sessionRecord: { __typename: 'SessionRecord', id: string, notes: string, conclusion: string, conclusionSharedAt: string | null, writtenAt: string, updatedAt: string, writtenBy: { __typename: 'Person', id: string, displayName: string } | null } | null };

export type ReportingSchoolsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportingSchoolsQuery = { __typename: 'Query', reportingSchools: Array<{ __typename: 'ReportingSchool', id: string, name: string }> };

export type CounsellingDailyReportQueryVariables = Exact<{
  schoolId: string;
  since: string;
  days: number;
}>;


export type CounsellingDailyReportQuery = { __typename: 'Query', dailyReport: Array<{ __typename: 'DailyReport', schoolId: string, date: string, sessionsHeld: number, noShows: number, newBookings: number, caseStudentsSeen: number }> };

export type OpeningExceptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpeningExceptionsQuery = { __typename: 'Query', openingExceptions: Array<{ __typename: 'OpeningException', id: string, roomId: string, day: string, kind: OpeningExceptionKind, startMinute: number | null, endMinute: number | null, slotMinutes: number | null, wholeRoom: boolean }>, nonSchoolDays: Array<{ __typename: 'NonSchoolDay', day: string, name: string }> };

export type AddOpeningExceptionMutationVariables = Exact<{
  roomId: string;
  input: OpeningExceptionInput;
}>;


export type AddOpeningExceptionMutation = { __typename: 'Mutation', addOpeningException:
    | { __typename: 'OpeningException', id: string, roomId: string, day: string, kind: OpeningExceptionKind, startMinute: number | null, endMinute: number | null, slotMinutes: number | null, wholeRoom: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type RemoveOpeningExceptionMutationVariables = Exact<{
  id: string;
}>;


export type RemoveOpeningExceptionMutation = { __typename: 'Mutation', removeOpeningException:
    | { __typename: 'Removed', id: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SetNonSchoolDayMutationVariables = Exact<{
  day: string;
  closed: boolean;
  name?: string | null | undefined;
}>;


export type SetNonSchoolDayMutation = { __typename: 'Mutation', setNonSchoolDay:
    | { __typename: 'SchoolCalendar', nonSchoolDays: Array<{ __typename: 'NonSchoolDay', day: string, name: string }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type BookingStudentsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type BookingStudentsQuery = { __typename: 'Query', observableStudents: Array<{ __typename: 'StudentSummary', id: string, name: string, className: string | null }> };

export type BookForStudentMutationVariables = Exact<{
  slotKey: string;
  topic?: string | null | undefined;
  studentId: string;
}>;


export type BookForStudentMutation = { __typename: 'Mutation', bookSlot:
    | { __typename: 'Booking', id: string, startsAt: string, endsAt: string, roomId: string }
    | { __typename: 'SlotTaken', message: string, freeSlots: Array<{ __typename: 'Slot', key: string, roomId: string, startsAt: string, endsAt: string, counsellor: { __typename: 'Person', id: string, displayName: string } | null }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type MyStudentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyStudentsQuery = { __typename: 'Query', myStudents: { __typename: 'MyStudents', date: string, students: Array<{ __typename: 'BoardRow', caseId: string, myCheckInsToday: number, checkInsToday: number, latestMood: number | null, latestMoodAt: string | null, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null } }>, rota: Array<{ __typename: 'RotaItem', periodName: string, startMinute: number, endMinute: number, student: { __typename: 'StudentSummary', id: string, name: string } }>, gaps: Array<{ __typename: 'RotaGap', periodName: string, startMinute: number, studentName: string, caseId: string }> } };

export type CheckInStudentQueryVariables = Exact<{
  studentId: string;
}>;


export type CheckInStudentQuery = { __typename: 'Query', studentCare: { __typename: 'StudentCare', canCheckIn: boolean, student: { __typename: 'StudentSummary', id: string, name: string, className: string | null } } };

export type RecordCheckInMutationVariables = Exact<{
  id: string;
  input: CheckInInput;
}>;


export type RecordCheckInMutation = { __typename: 'Mutation', recordCheckIn:
    | { __typename: 'CheckIn', id: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type CheckInToAmendQueryVariables = Exact<{
  id: string;
}>;


export type CheckInToAmendQuery = { __typename: 'Query', checkIn: { __typename: 'CheckIn', id: string, mood: number, status: InSchoolStatus, signals: Array<Signal>, talked: boolean, talkMinutes: number | null, note: string, visibility: EntryVisibility, canAmend: boolean, student: { __typename: 'StudentSummary', id: string, name: string } | null } | null };

export type AmendCheckInMutationVariables = Exact<{
  id: string;
  input: CheckInInput;
}>;


export type AmendCheckInMutation = { __typename: 'Mutation', amendCheckIn:
    | { __typename: 'CheckIn', id: string, version: number, amendedAt: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type FamilyCardQueryVariables = Exact<{
  studentId: string;
}>;


export type FamilyCardQuery = { __typename: 'Query', homeLogStats: { __typename: 'HomeLogStats', today: string, loggedToday: boolean, streak: number, last7: { __typename: 'Adherence', days: number, logged: number, listeningMet: number, exerciseMet: number }, last30: { __typename: 'Adherence', days: number, logged: number, listeningMet: number, exerciseMet: number } } | null, timeline: { __typename: 'TimelineConnection', nodes: Array<{ __typename: 'TimelineEntry', id: string, kind: TimelineKind, occurredAt: string, item:
        | { __typename: 'Alert' }
        | { __typename: 'CaseChange' }
        | { __typename: 'CheckIn', mood: number, status: InSchoolStatus, talked: boolean, note: string, author: { __typename: 'Person', id: string, displayName: string } | null }
        | { __typename: 'CounsellingConclusion' }
        | { __typename: 'HomeLog', logDate: string, listeningMinutes: number, exerciseMinutes: number, accompaniment: Accompaniment, note: string, homeMood: number | null, author: { __typename: 'Person', id: string, displayName: string } | null }
        | { __typename: 'Observation' }
       }> }, careTeam: { __typename: 'CareTeam', members: Array<{ __typename: 'TeamMember', role: TeamRole, relation: string | null, person: { __typename: 'Person', id: string, displayName: string, phone: string | null } }> } | null };

export type HomeLogDayQueryVariables = Exact<{
  studentId: string;
}>;


export type HomeLogDayQuery = { __typename: 'Query', homeLogStats: { __typename: 'HomeLogStats', today: string, loggedToday: boolean } | null };

export type RecordHomeLogMutationVariables = Exact<{
  id: string;
  input: HomeLogInput;
}>;


export type RecordHomeLogMutation = { __typename: 'Mutation', recordHomeLog:
    | { __typename: 'HomeLog', id: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type ObservableStudentsQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
}>;


export type ObservableStudentsQuery = { __typename: 'Query', observableStudents: Array<{ __typename: 'StudentSummary', id: string, name: string, className: string | null }> };

export type ReportObservationMutationVariables = Exact<{
  id: string;
  input: ObservationInput;
}>;


export type ReportObservationMutation = { __typename: 'Mutation', reportObservation:
    | { __typename: 'ObservationReceipt', id: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type InboxQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type InboxQuery = { __typename: 'Query', inbox: { __typename: 'InboxPage', unreadCount: number, items: Array<{ __typename: 'InboxItem', id: string, kind: NotificationKind, count: number, text: string, urgent: boolean, target: string, createdAt: string, readAt: string | null }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type UnreadNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationsQuery = { __typename: 'Query', unreadNotifications: number };

export type OpenNotificationQueryVariables = Exact<{
  id: string;
}>;


export type OpenNotificationQuery = { __typename: 'Query', notification: { __typename: 'InboxItem', id: string, target: string, readAt: string | null } | null };

export type MarkInboxReadMutationVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
  all: boolean;
}>;


export type MarkInboxReadMutation = { __typename: 'Mutation', markInboxRead:
    | { __typename: 'Unread', unreadCount: number }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSettingsQuery = { __typename: 'Query', notificationSettings: { __typename: 'NotificationSettings', vapidPublicKey: string, kinds: Array<{ __typename: 'NotificationKindSetting', kind: NotificationKind, enabled: boolean, mutable: boolean }>, devices: Array<{ __typename: 'PushDevice', id: string, label: string, endpoint: string, endpointHost: string, createdAt: string, lastSuccessAt: string | null }>, times: { __typename: 'ReminderTimes', quietStart: string, quietEnd: string, mentorReminder: string, guardianReminder: string, leadDigest: string, escalateAfterMinutes: number, timeZone: string } | null } };

export type RegisterPushSubscriptionMutationVariables = Exact<{
  input: PushSubscriptionInput;
}>;


export type RegisterPushSubscriptionMutation = { __typename: 'Mutation', registerPushSubscription:
    | { __typename: 'PushDevice', id: string, label: string, endpoint: string, endpointHost: string, createdAt: string, lastSuccessAt: string | null }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type RemovePushSubscriptionMutationVariables = Exact<{
  endpoint?: string | null | undefined;
  id?: string | null | undefined;
}>;


export type RemovePushSubscriptionMutation = { __typename: 'Mutation', removePushSubscription:
    | { __typename: 'Done', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SetNotificationKindsMutationVariables = Exact<{
  enabled: Array<NotificationKind> | NotificationKind;
}>;


export type SetNotificationKindsMutation = { __typename: 'Mutation', setNotificationKinds:
    | { __typename: 'NotificationSettings', kinds: Array<{ __typename: 'NotificationKindSetting', kind: NotificationKind, enabled: boolean, mutable: boolean }> }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SendTestNotificationMutationVariables = Exact<{ [key: string]: never; }>;


export type SendTestNotificationMutation = { __typename: 'Mutation', sendTestNotification: { __typename: 'TestSent', devices: number } };

export type SchoolReminderTimesQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolReminderTimesQuery = { __typename: 'Query', schoolReminderTimes: { __typename: 'ReminderTimes', quietStart: string, quietEnd: string, mentorReminder: string, guardianReminder: string, leadDigest: string, escalateAfterMinutes: number, timeZone: string } };

export type SetSchoolReminderTimesMutationVariables = Exact<{
  input: ReminderTimesInput;
}>;


export type SetSchoolReminderTimesMutation = { __typename: 'Mutation', setSchoolReminderTimes:
    | { __typename: 'ReminderTimes', quietStart: string, quietEnd: string, mentorReminder: string, guardianReminder: string, leadDigest: string, escalateAfterMinutes: number, timeZone: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type SchoolWebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolWebhooksQuery = { __typename: 'Query', schoolWebhooks: Array<{ __typename: 'SchoolWebhook', id: string, name: string, urlHint: string, kinds: Array<NotificationKind>, active: boolean, createdAt: string }> };

export type SaveSchoolWebhookMutationVariables = Exact<{
  input: SchoolWebhookInput;
}>;


export type SaveSchoolWebhookMutation = { __typename: 'Mutation', saveSchoolWebhook:
    | { __typename: 'SchoolWebhook', id: string, name: string, urlHint: string, kinds: Array<NotificationKind>, active: boolean, createdAt: string }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };

export type RemoveSchoolWebhookMutationVariables = Exact<{
  id: string;
}>;


export type RemoveSchoolWebhookMutation = { __typename: 'Mutation', removeSchoolWebhook:
    | { __typename: 'Done', ok: boolean }
    | { __typename: 'ValidationError', message: string, field: string | null, code: string }
   };
