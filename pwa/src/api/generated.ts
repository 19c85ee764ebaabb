/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type ClassInput = {
  classTeacherId?: string | null | undefined;
  grade: number;
  name: string;
};

export type GuardianInput = {
  displayName: string;
  login: string;
  phone?: string | null | undefined;
  relation: string;
  studentId: string;
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

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'Me', account: { __typename: 'Account', id: string, login: string, displayName: string, phone: string | null, locale: string }, roles: Array<{ __typename: 'RoleGrant', kind: RoleKind, classId: string | null, className: string | null, studentId: string | null, studentName: string | null, relation: string | null, districtName: string | null }>, school: { __typename: 'School', id: string, name: string, district: string, roomPlace: string, roomHours: string, hotlines: Array<{ __typename: 'Hotline', label: string, number: string }> } | null } | null };

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
