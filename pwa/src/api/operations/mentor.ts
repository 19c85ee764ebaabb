// GraphQL operations of the mentor and family screens (see ../operations.ts for the conventions):
// a mentor's day, check-ins, a guardian's card and home logs, observations.
import { document } from '../client';
import type {
  MyStudentsQuery,
  MyStudentsQueryVariables,
  CheckInStudentQuery,
  CheckInStudentQueryVariables,
  RecordCheckInMutation,
  RecordCheckInMutationVariables,
  CheckInToAmendQuery,
  CheckInToAmendQueryVariables,
  AmendCheckInMutation,
  AmendCheckInMutationVariables,
  FamilyCardQuery,
  FamilyCardQueryVariables,
  HomeLogDayQuery,
  HomeLogDayQueryVariables,
  RecordHomeLogMutation,
  RecordHomeLogMutationVariables,
  ObservableStudentsQuery,
  ObservableStudentsQueryVariables,
  ReportObservationMutation,
  ReportObservationMutationVariables,
} from '../generated';

export const MyStudentsDocument = document<MyStudentsQuery, MyStudentsQueryVariables>(
  /* GraphQL */ `
  query MyStudents {
    myStudents {
      date
      students {
        caseId
        student { id name className }
        myCheckInsToday
        checkInsToday
        latestMood
        latestMoodAt
      }
      rota { periodName startMinute endMinute student { id name } }
      gaps { periodName startMinute studentName caseId }
    }
  }
`,
);

export const CheckInStudentDocument = document<CheckInStudentQuery, CheckInStudentQueryVariables>(
  /* GraphQL */ `
  query CheckInStudent($studentId: ID!) {
    studentCare(studentId: $studentId) {
      student { id name className }
      canCheckIn
    }
  }
`,
);

export const RecordCheckInDocument = document<RecordCheckInMutation, RecordCheckInMutationVariables>(
  /* GraphQL */ `
  mutation RecordCheckIn($id: ID!, $input: CheckInInput!) {
    recordCheckIn(id: $id, input: $input) {
      __typename
      ... on CheckIn { id }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const CheckInToAmendDocument = document<CheckInToAmendQuery, CheckInToAmendQueryVariables>(
  /* GraphQL */ `
  query CheckInToAmend($id: ID!) {
    checkIn(id: $id) {
      id mood status signals talked talkMinutes note visibility canAmend
      student { id name }
    }
  }
`,
);

export const AmendCheckInDocument = document<AmendCheckInMutation, AmendCheckInMutationVariables>(
  /* GraphQL */ `
  mutation AmendCheckIn($id: ID!, $input: CheckInInput!) {
    amendCheckIn(id: $id, input: $input) {
      __typename
      ... on CheckIn { id version amendedAt }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const FamilyCardDocument = document<FamilyCardQuery, FamilyCardQueryVariables>(
  /* GraphQL */ `
  query FamilyCard($studentId: ID!) {
    homeLogStats(studentId: $studentId) {
      today
      loggedToday
      streak
      last7 { days logged listeningMet exerciseMet }
      last30 { days logged listeningMet exerciseMet }
    }
    timeline(studentId: $studentId, first: 5) {
      nodes {
        id
        kind
        occurredAt
        item {
          __typename
          ... on CheckIn { mood status talked note author { id displayName } }
          ... on HomeLog { logDate listeningMinutes exerciseMinutes accompaniment homeMood: mood note author { id displayName } }
        }
      }
    }
    careTeam(studentId: $studentId) {
      members { role relation person { id displayName phone } }
    }
  }
`,
);

export const HomeLogDayDocument = document<HomeLogDayQuery, HomeLogDayQueryVariables>(
  /* GraphQL */ `
  query HomeLogDay($studentId: ID!) {
    homeLogStats(studentId: $studentId) { today loggedToday }
  }
`,
);

export const RecordHomeLogDocument = document<RecordHomeLogMutation, RecordHomeLogMutationVariables>(
  /* GraphQL */ `
  mutation RecordHomeLog($id: ID!, $input: HomeLogInput!) {
    recordHomeLog(id: $id, input: $input) {
      __typename
      ... on HomeLog { id }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const ObservableStudentsDocument = document<ObservableStudentsQuery, ObservableStudentsQueryVariables>(
  /* GraphQL */ `
  query ObservableStudents($search: String, $first: Int!) {
    observableStudents(search: $search, first: $first) { id name className }
  }
`,
);

export const ReportObservationDocument = document<ReportObservationMutation, ReportObservationMutationVariables>(
  /* GraphQL */ `
  mutation ReportObservation($id: ID!, $input: ObservationInput!) {
    reportObservation(id: $id, input: $input) {
      __typename
      ... on ObservationReceipt { id }
      ... on ValidationError { message field code }
    }
  }
`,
);
