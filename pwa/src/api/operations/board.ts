// GraphQL operations of the board screens (see ../operations.ts for the conventions):
// the class and school boards, alerts, the student page, its timeline, team, rota and case.
import { document } from '../client';
import type {
  AcknowledgeAlertMutation,
  AcknowledgeAlertMutationVariables,
  AddTeamMemberMutation,
  AddTeamMemberMutationVariables,
  CaseRotaQuery,
  CaseRotaQueryVariables,
  ChangeCareLevelMutation,
  ChangeCareLevelMutationVariables,
  ChangeCareStatusMutation,
  ChangeCareStatusMutationVariables,
  ClassAlertCountQuery,
  ClassAlertCountQueryVariables,
  ClassBoardQuery,
  ClassBoardQueryVariables,
  OpenAlertsQuery,
  OpenAlertsQueryVariables,
  OpenCareCaseMutation,
  OpenCareCaseMutationVariables,
  OpenCaseStudentsQuery,
  OpenCaseStudentsQueryVariables,
  RemoveTeamMemberMutation,
  RemoveTeamMemberMutationVariables,
  SchoolBoardQuery,
  SchoolBoardQueryVariables,
  SetRotaMutation,
  SetRotaMutationVariables,
  SetTeamLeadMutation,
  SetTeamLeadMutationVariables,
  StudentCareQuery,
  StudentCareQueryVariables,
  StudentTimelineQuery,
  StudentTimelineQueryVariables,
  TeamCandidatesQuery,
  TeamCandidatesQueryVariables,
} from '../generated';

export const ClassBoardDocument = document<ClassBoardQuery, ClassBoardQueryVariables>(
  /* GraphQL */ `
  query ClassBoard($classId: ID!) {
    classBoard(classId: $classId) {
      caseId level status openAlerts checkInsToday
      student { id name className }
      checkedIn { id displayName }
      notCheckedIn { id displayName }
      latestMood latestMoodAt
      lastHomeLogDate lastHomeMood lastListeningMinutes lastExerciseMinutes
    }
  }
`,
);

export const ClassAlertCountDocument = document<ClassAlertCountQuery, ClassAlertCountQueryVariables>(
  /* GraphQL */ `
  query ClassAlertCount($classId: ID!) {
    classBoard(classId: $classId) { caseId openAlerts }
  }
`,
);

export const SchoolBoardDocument = document<SchoolBoardQuery, SchoolBoardQueryVariables>(
  /* GraphQL */ `
  query SchoolBoard($first: Int!, $after: String) {
    schoolBoard(first: $first, after: $after) {
      total
      pageInfo { hasNextPage endCursor }
      nodes {
        caseId level status openAlerts checkInsToday
        student { id name className }
        checkedIn { id displayName }
        notCheckedIn { id displayName }
        latestMood latestMoodAt
        lastHomeLogDate lastHomeMood lastListeningMinutes lastExerciseMinutes
      }
    }
  }
`,
);

export const OpenAlertsDocument = document<OpenAlertsQuery, OpenAlertsQueryVariables>(
  /* GraphQL */ `
  query OpenAlerts($first: Int!, $after: String) {
    alerts(openOnly: true, first: $first, after: $after) {
      nodes {
        id signals sourceKind raisedAt acknowledgedAt
        student { id name className }
        raisedBy { id displayName }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
);

export const AcknowledgeAlertDocument = document<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>(
  /* GraphQL */ `
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      __typename
      ... on Alert { id acknowledgedAt }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const StudentCareDocument = document<StudentCareQuery, StudentCareQueryVariables>(
  /* GraphQL */ `
  query StudentCare($studentId: ID!) {
    studentCare(studentId: $studentId) {
      student { id name className }
      case {
        id level status reasons summary openedAt updatedAt
        lead { id displayName phone }
      }
      team {
        caseId
        members { role relation person { id displayName phone } }
      }
      chart { date mentorMood homeMood listeningMet exerciseMet }
      canCheckIn
      canLead
    }
  }
`,
);

export const StudentTimelineDocument = document<StudentTimelineQuery, StudentTimelineQueryVariables>(
  /* GraphQL */ `
  query StudentTimeline($studentId: ID!, $first: Int!, $after: String, $filter: TimelineFilter) {
    timeline(studentId: $studentId, first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id kind occurredAt hasSignal
        item {
          __typename
          ... on CheckIn {
            id mood status signals talked talkMinutes note version amendedAt canAmend
            revisions { version mood status signals note replacedAt }
            author { id displayName }
          }
          ... on HomeLog {
            id logDate listeningMinutes exerciseMinutes accompaniment sleepHours homeMood: mood screenMinutes signals note
            author { id displayName }
          }
          ... on Observation {
            id signals note
            author { id displayName }
          }
          ... on CaseChange {
            id kind fromValue toValue reason
            changedBy { id displayName }
            subject { id displayName }
          }
          ... on Alert {
            id signals sourceKind acknowledgedAt
            raisedBy { id displayName }
            acknowledgedBy { id displayName }
          }
          ... on CounsellingConclusion { id conclusion sharedAt }
        }
      }
    }
  }
`,
);

export const CaseRotaDocument = document<CaseRotaQuery, CaseRotaQueryVariables>(
  /* GraphQL */ `
  query CaseRota($caseId: ID!) {
    rota(caseId: $caseId) {
      caseId
      schoolDays
      periods { id position name startMinute endMinute }
      assignments { weekday periodId person { id displayName } }
    }
  }
`,
);

export const SetRotaDocument = document<SetRotaMutation, SetRotaMutationVariables>(
  /* GraphQL */ `
  mutation SetRota($caseId: ID!, $slots: [RotaSlotInput!]!) {
    setRota(caseId: $caseId, slots: $slots) {
      __typename
      ... on Rota {
        caseId
        schoolDays
        periods { id position name startMinute endMinute }
        assignments { weekday periodId person { id displayName } }
      }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const TeamCandidatesDocument = document<TeamCandidatesQuery, TeamCandidatesQueryVariables>(
  /* GraphQL */ `
  query TeamCandidates($search: String, $first: Int!) {
    teamCandidates(search: $search, first: $first) { id displayName phone }
  }
`,
);

export const AddTeamMemberDocument = document<AddTeamMemberMutation, AddTeamMemberMutationVariables>(
  /* GraphQL */ `
  mutation AddTeamMember($caseId: ID!, $accountId: ID!, $role: TeamRole!) {
    addTeamMember(caseId: $caseId, accountId: $accountId, role: $role) {
      __typename
      ... on CareTeam { caseId members { role relation person { id displayName phone } } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const RemoveTeamMemberDocument = document<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>(
  /* GraphQL */ `
  mutation RemoveTeamMember($caseId: ID!, $accountId: ID!) {
    removeTeamMember(caseId: $caseId, accountId: $accountId) {
      __typename
      ... on CareTeam { caseId members { role relation person { id displayName phone } } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const SetTeamLeadDocument = document<SetTeamLeadMutation, SetTeamLeadMutationVariables>(
  /* GraphQL */ `
  mutation SetTeamLead($caseId: ID!, $accountId: ID!) {
    setTeamLead(caseId: $caseId, accountId: $accountId) {
      __typename
      ... on CareTeam { caseId members { role relation person { id displayName phone } } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const ChangeCareLevelDocument = document<ChangeCareLevelMutation, ChangeCareLevelMutationVariables>(
  /* GraphQL */ `
  mutation ChangeCareLevel($caseId: ID!, $level: WarningLevel!, $reason: String!) {
    changeCareLevel(caseId: $caseId, level: $level, reason: $reason) {
      __typename
      ... on CareCase { id level status updatedAt }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const ChangeCareStatusDocument = document<ChangeCareStatusMutation, ChangeCareStatusMutationVariables>(
  /* GraphQL */ `
  mutation ChangeCareStatus($caseId: ID!, $status: CaseStatus!, $reason: String!) {
    changeCareStatus(caseId: $caseId, status: $status, reason: $reason) {
      __typename
      ... on CareCase { id level status updatedAt }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const OpenCaseStudentsDocument = document<OpenCaseStudentsQuery, OpenCaseStudentsQueryVariables>(
  /* GraphQL */ `
  query OpenCaseStudents($search: String, $first: Int!) {
    observableStudents(search: $search, first: $first) { id name className }
  }
`,
);

export const OpenCareCaseDocument = document<OpenCareCaseMutation, OpenCareCaseMutationVariables>(
  /* GraphQL */ `
  mutation OpenCareCase($input: OpenCaseInput!) {
    openCareCase(input: $input) {
      __typename
      ... on CareCase { id student { id name } }
      ... on ValidationError { message field code }
    }
  }
`,
);

