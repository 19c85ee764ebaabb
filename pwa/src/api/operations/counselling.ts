// GraphQL operations of the counselling room (心理辅导室; see ../operations.ts for the conventions):
// a student's bookings and booking a slot; a counsellor's day, week, attendance, sealed session
// records (个案保密) and weekly opening hours.
import { document } from '../client';
import type {
  MyBookingsQuery,
  MyBookingsQueryVariables,
  BookingSlotsQuery,
  BookingSlotsQueryVariables,
  BookSlotMutation,
  BookSlotMutationVariables,
  CancelBookingMutation,
  CancelBookingMutationVariables,
  CounsellorTodayQuery,
  CounsellorTodayQueryVariables,
  CounsellorWeekQuery,
  CounsellorWeekQueryVariables,
  FreeSlotsQuery,
  FreeSlotsQueryVariables,
  MarkAttendanceMutation,
  MarkAttendanceMutationVariables,
  MoveBookingMutation,
  MoveBookingMutationVariables,
  WriteSessionRecordMutation,
  WriteSessionRecordMutationVariables,
  OpeningHoursQuery,
  OpeningHoursQueryVariables,
  OpeningSummaryQuery,
  OpeningSummaryQueryVariables,
  SetOpeningTemplatesMutation,
  SetOpeningTemplatesMutationVariables,
  SessionRecordQuery,
  SessionRecordQueryVariables,
  ReportingSchoolsQuery,
  ReportingSchoolsQueryVariables,
  CounsellingDailyReportQuery,
  CounsellingDailyReportQueryVariables,
  OpeningExceptionsQuery,
  OpeningExceptionsQueryVariables,
  AddOpeningExceptionMutation,
  AddOpeningExceptionMutationVariables,
  RemoveOpeningExceptionMutation,
  RemoveOpeningExceptionMutationVariables,
  SetNonSchoolDayMutation,
  SetNonSchoolDayMutationVariables,
  BookingStudentsQuery,
  BookingStudentsQueryVariables,
  BookForStudentMutation,
  BookForStudentMutationVariables,
} from '../generated';

/** The student's own bookings (upcoming first, then the last 30 days) and the rooms they are in. */
export const MyBookingsDocument = document<MyBookingsQuery, MyBookingsQueryVariables>(
  /* GraphQL */ `
  query MyBookings {
    myBookings {
      id roomId startsAt endsAt topic status cancelledAt cancelReason cancelledByCounsellor
      counsellor { id displayName }
    }
    counsellingRooms { id name place }
  }
`,
);

export const BookingSlotsDocument = document<BookingSlotsQuery, BookingSlotsQueryVariables>(
  /* GraphQL */ `
  query BookingSlots {
    counsellingSlots { key roomId startsAt endsAt counsellor { id displayName } }
    counsellingRooms { id name place }
    myBookings { id startsAt endsAt status }
  }
`,
);

export const BookSlotDocument = document<BookSlotMutation, BookSlotMutationVariables>(
  /* GraphQL */ `
  mutation BookSlot($slotKey: String!, $topic: String) {
    bookSlot(slotKey: $slotKey, topic: $topic) {
      __typename
      ... on Booking { id startsAt endsAt roomId }
      ... on SlotTaken { message freeSlots { key roomId startsAt endsAt counsellor { id displayName } } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const CancelBookingDocument = document<CancelBookingMutation, CancelBookingMutationVariables>(
  /* GraphQL */ `
  mutation CancelBooking($id: ID!, $reason: String) {
    cancelBooking(id: $id, reason: $reason) {
      __typename
      ... on Booking { id status cancelledAt cancelReason cancelledByCounsellor }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** The counsellor's home card: today's bookings of the school. */
export const CounsellorTodayDocument = document<CounsellorTodayQuery, CounsellorTodayQueryVariables>(
  /* GraphQL */ `
  query CounsellorToday($today: Date!) {
    counsellorSchedule(since: $today, days: 1) {
      id startsAt endsAt status
      student { id name className }
    }
  }
`,
);

/** A week of bookings; whether each has a sealed record (its content is read one at a time). */
export const CounsellorWeekDocument = document<CounsellorWeekQuery, CounsellorWeekQueryVariables>(
  /* GraphQL */ `
  query CounsellorWeek($since: Date!) {
    counsellorSchedule(since: $since, days: 7) {
      id roomId startsAt endsAt topic status cancelledAt cancelReason cancelledByCounsellor
      counsellor { id displayName }
      student { id name className }
      hasRecord
    }
    counsellingRooms { id name place }
  }
`,
);

/** Free slots to move a booking to (a counsellor's: from now, without the students' notice). */
export const FreeSlotsDocument = document<FreeSlotsQuery, FreeSlotsQueryVariables>(
  /* GraphQL */ `
  query FreeSlots {
    counsellingSlots { key roomId startsAt endsAt counsellor { id displayName } }
  }
`,
);

export const MarkAttendanceDocument = document<MarkAttendanceMutation, MarkAttendanceMutationVariables>(
  /* GraphQL */ `
  mutation MarkAttendance($bookingId: ID!, $attended: Boolean!) {
    markAttendance(bookingId: $bookingId, attended: $attended) {
      __typename
      ... on Booking { id status }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const MoveBookingDocument = document<MoveBookingMutation, MoveBookingMutationVariables>(
  /* GraphQL */ `
  mutation MoveBooking($id: ID!, $slotKey: String!, $reason: String!) {
    moveBooking(id: $id, slotKey: $slotKey, reason: $reason) {
      __typename
      ... on Booking { id startsAt endsAt }
      ... on SlotTaken { message freeSlots { key roomId startsAt endsAt counsellor { id displayName } } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const WriteSessionRecordDocument = document<WriteSessionRecordMutation, WriteSessionRecordMutationVariables>(
  /* GraphQL */ `
  mutation WriteSessionRecord($bookingId: ID!, $notes: String!, $conclusion: String, $shareConclusion: Boolean!) {
    writeSessionRecord(bookingId: $bookingId, notes: $notes, conclusion: $conclusion, shareConclusion: $shareConclusion) {
      __typename
      ... on SessionRecord { id notes conclusion conclusionSharedAt writtenAt updatedAt writtenBy { id displayName } }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** The week's opening hours of the school against the 5-hour minimum and the half-of-school-time share. */
export const OpeningHoursDocument = document<OpeningHoursQuery, OpeningHoursQueryVariables>(
  /* GraphQL */ `
  query OpeningHours {
    openingHours {
      openMinutes minimumMinutes meetsMinimum schoolMinutes share shareTarget meetsShare
      templates { id roomId weekday startMinute endMinute slotMinutes bufferMinutes counsellor { id displayName } }
    }
    counsellingRooms { id name place }
  }
`,
);

/** The same figures for a home card, without the templates. */
export const OpeningSummaryDocument = document<OpeningSummaryQuery, OpeningSummaryQueryVariables>(
  /* GraphQL */ `
  query OpeningSummary {
    openingHours { openMinutes minimumMinutes meetsMinimum schoolMinutes share shareTarget meetsShare }
  }
`,
);

export const SetOpeningTemplatesDocument = document<SetOpeningTemplatesMutation, SetOpeningTemplatesMutationVariables>(
  /* GraphQL */ `
  mutation SetOpeningTemplates($roomId: ID!, $templates: [OpeningTemplateInput!]!) {
    setOpeningTemplates(roomId: $roomId, templates: $templates) {
      __typename
      ... on OpeningHours {
        openMinutes minimumMinutes meetsMinimum schoolMinutes share shareTarget meetsShare
        templates { id roomId weekday startMinute endMinute slotMinutes bufferMinutes counsellor { id displayName } }
      }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** One sealed session record, when the counsellor opens it (every read is audited). */
export const SessionRecordDocument = document<SessionRecordQuery, SessionRecordQueryVariables>(
  /* GraphQL */ `
  query SessionRecord($bookingId: ID!) {
    sessionRecord(bookingId: $bookingId) {
      id notes conclusion conclusionSharedAt writtenAt updatedAt writtenBy { id displayName }
    }
  }
`,
);

/** Schools whose daily report (一日一报) the reader may see: their own, or their district's. */
export const ReportingSchoolsDocument = document<ReportingSchoolsQuery, ReportingSchoolsQueryVariables>(
  /* GraphQL */ `
  query ReportingSchools {
    reportingSchools { id name }
  }
`,
);

/** The de-identified daily report of one school: counts only, one row per day. */
export const CounsellingDailyReportDocument = document<CounsellingDailyReportQuery, CounsellingDailyReportQueryVariables>(
  /* GraphQL */ `
  query CounsellingDailyReport($schoolId: ID!, $since: Date!, $days: Int!) {
    dailyReport(schoolId: $schoolId, since: $since, days: $days) {
      schoolId date sessionsHeld noShows newBookings caseStudentsSeen
    }
  }
`,
);

/** Closed days and extra hours from today on; the school calendar's days without school. */
export const OpeningExceptionsDocument = document<OpeningExceptionsQuery, OpeningExceptionsQueryVariables>(
  /* GraphQL */ `
  query OpeningExceptions {
    openingExceptions { id roomId day kind startMinute endMinute slotMinutes wholeRoom }
    nonSchoolDays { day name }
  }
`,
);

export const AddOpeningExceptionDocument = document<AddOpeningExceptionMutation, AddOpeningExceptionMutationVariables>(
  /* GraphQL */ `
  mutation AddOpeningException($roomId: ID!, $input: OpeningExceptionInput!) {
    addOpeningException(roomId: $roomId, input: $input) {
      __typename
      ... on OpeningException { id roomId day kind startMinute endMinute slotMinutes wholeRoom }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const RemoveOpeningExceptionDocument = document<RemoveOpeningExceptionMutation, RemoveOpeningExceptionMutationVariables>(
  /* GraphQL */ `
  mutation RemoveOpeningException($id: ID!) {
    removeOpeningException(id: $id) {
      __typename
      ... on Removed { id }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** Admins: a date without school (closed: true) or a school day again (closed: false). */
export const SetNonSchoolDayDocument = document<SetNonSchoolDayMutation, SetNonSchoolDayMutationVariables>(
  /* GraphQL */ `
  mutation SetNonSchoolDay($day: Date!, $closed: Boolean!, $name: String) {
    setNonSchoolDay(day: $day, closed: $closed, name: $name) {
      __typename
      ... on SchoolCalendar { nonSchoolDays { day name } }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** Students of the school by name, for a counsellor booking on a student's behalf. */
export const BookingStudentsDocument = document<BookingStudentsQuery, BookingStudentsQueryVariables>(
  /* GraphQL */ `
  query BookingStudents($search: String) {
    observableStudents(search: $search, first: 20) { id name className }
  }
`,
);

/** A counsellor books a free slot for a student (after a referral): no notice, no limit. */
export const BookForStudentDocument = document<BookForStudentMutation, BookForStudentMutationVariables>(
  /* GraphQL */ `
  mutation BookForStudent($slotKey: String!, $topic: String, $studentId: ID!) {
    bookSlot(slotKey: $slotKey, topic: $topic, studentId: $studentId) {
      __typename
      ... on Booking { id startsAt endsAt roomId }
      ... on SlotTaken { message freeSlots { key roomId startsAt endsAt counsellor { id displayName } } }
      ... on ValidationError { message field code }
    }
  }
`,
);
