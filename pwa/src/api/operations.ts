// Every GraphQL operation the app sends. `npm run codegen` reads the
// /* GraphQL */ strings below and writes their result types to generated.ts.
// No fragments: each string is sent as-is, so it must be self-contained.

import { document } from './client';
import type {
  MeQuery,
  MeQueryVariables,
  LoginMutation,
  LoginMutationVariables,
  LogoutMutation,
  LogoutMutationVariables,
  ActivateAccountMutation,
  ActivateAccountMutationVariables,
  ChangePasswordMutation,
  ChangePasswordMutationVariables,
  ClassesQuery,
  ClassesQueryVariables,
  CreateClassMutation,
  CreateClassMutationVariables,
  StudentsQuery,
  StudentsQueryVariables,
  CreateStudentMutation,
  CreateStudentMutationVariables,
  StaffQuery,
  StaffQueryVariables,
  CreateStaffMutation,
  CreateStaffMutationVariables,
  GuardiansQuery,
  GuardiansQueryVariables,
  CreateGuardianMutation,
  CreateGuardianMutationVariables,
  SetAccountActiveMutation,
  SetAccountActiveMutationVariables,
  IssueInvitationMutation,
  IssueInvitationMutationVariables,
} from './generated';

export const MeDocument = document<MeQuery, MeQueryVariables>(
  /* GraphQL */ `
  query Me {
    me {
      account { id login displayName phone locale }
      roles { kind classId className studentId studentName relation districtName }
      school { id name district timeZone hotlines { label number } roomPlace roomHours }
    }
  }
`,
);

export const LoginDocument = document<LoginMutation, LoginMutationVariables>(
  /* GraphQL */ `
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) {
      __typename
      ... on LoginSuccess { me { account { id } } }
      ... on LoginError { message }
    }
  }
`,
);

export const LogoutDocument = document<LogoutMutation, LogoutMutationVariables>(
  /* GraphQL */ `
  mutation Logout {
    logout
  }
`,
);

export const ActivateAccountDocument = document<ActivateAccountMutation, ActivateAccountMutationVariables>(
  /* GraphQL */ `
  mutation ActivateAccount($code: String!, $password: String!) {
    activateAccount(code: $code, password: $password) {
      __typename
      ... on LoginSuccess { me { account { id } } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const ChangePasswordDocument = document<ChangePasswordMutation, ChangePasswordMutationVariables>(
  /* GraphQL */ `
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on PasswordChanged { ok }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const ClassesDocument = document<ClassesQuery, ClassesQueryVariables>(
  /* GraphQL */ `
  query Classes($first: Int!, $after: String) {
    classes(first: $first, after: $after) {
      nodes { id grade name studentCount classTeacher { id displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
);

export const CreateClassDocument = document<CreateClassMutation, CreateClassMutationVariables>(
  /* GraphQL */ `
  mutation CreateClass($input: ClassInput!) {
    createClass(input: $input) {
      __typename
      ... on SchoolClass { id grade name studentCount classTeacher { id displayName } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const StudentsDocument = document<StudentsQuery, StudentsQueryVariables>(
  /* GraphQL */ `
  query Students($first: Int!, $after: String, $classId: ID, $search: String, $includeInactive: Boolean!) {
    students(first: $first, after: $after, classId: $classId, search: $search, includeInactive: $includeInactive) {
      nodes {
        id name studentNumber birthDate active
        schoolClass { id name grade }
        account { id login active activated }
        guardians { relation guardian { id displayName } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
);

export const CreateStudentDocument = document<CreateStudentMutation, CreateStudentMutationVariables>(
  /* GraphQL */ `
  mutation CreateStudent($input: StudentInput!) {
    createStudent(input: $input) {
      __typename
      ... on Student { id name }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const StaffDocument = document<StaffQuery, StaffQueryVariables>(
  /* GraphQL */ `
  query Staff($first: Int!, $after: String, $search: String) {
    staff(first: $first, after: $after, search: $search) {
      nodes { id displayName phone login active activated isAdmin isCounsellor }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
);

export const CreateStaffDocument = document<CreateStaffMutation, CreateStaffMutationVariables>(
  /* GraphQL */ `
  mutation CreateStaff($input: StaffInput!) {
    createStaff(input: $input) {
      __typename
      ... on StaffMember { id displayName }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const GuardiansDocument = document<GuardiansQuery, GuardiansQueryVariables>(
  /* GraphQL */ `
  query Guardians($first: Int!, $after: String, $search: String) {
    guardians(first: $first, after: $after, search: $search) {
      nodes { id displayName phone login active activated children { relation studentId studentName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
);

export const CreateGuardianDocument = document<CreateGuardianMutation, CreateGuardianMutationVariables>(
  /* GraphQL */ `
  mutation CreateGuardian($input: GuardianInput!) {
    createGuardian(input: $input) {
      __typename
      ... on Guardian { id displayName }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const SetAccountActiveDocument = document<SetAccountActiveMutation, SetAccountActiveMutationVariables>(
  /* GraphQL */ `
  mutation SetAccountActive($accountId: ID!, $active: Boolean!) {
    setAccountActive(accountId: $accountId, active: $active) {
      __typename
      ... on AccountStatus { accountId active }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const IssueInvitationDocument = document<IssueInvitationMutation, IssueInvitationMutationVariables>(
  /* GraphQL */ `
  mutation IssueInvitation($accountId: ID!) {
    issueInvitation(accountId: $accountId) {
      __typename
      ... on Invitation { code login expiresAt }
      ... on ValidationError { message field code }
    }
  }
`,
);
