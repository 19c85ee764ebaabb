// GraphQL operations of the admin's school settings (see ../operations.ts for the conventions).
import { document } from '../client';
import type {
  CounsellingRoomsQuery,
  CounsellingRoomsQueryVariables,
  SaveCounsellingRoomMutation,
  SaveCounsellingRoomMutationVariables,
  SchoolPeriodsQuery,
  SchoolPeriodsQueryVariables,
  SetSchoolPeriodsMutation,
  SetSchoolPeriodsMutationVariables,
} from '../generated';

export const SchoolPeriodsDocument = document<SchoolPeriodsQuery, SchoolPeriodsQueryVariables>(
  /* GraphQL */ `
  query SchoolPeriods {
    schoolPeriods { id position name startMinute endMinute }
  }
`,
);

export const SetSchoolPeriodsDocument = document<SetSchoolPeriodsMutation, SetSchoolPeriodsMutationVariables>(
  /* GraphQL */ `
  mutation SetSchoolPeriods($periods: [PeriodInput!]!) {
    setSchoolPeriods(periods: $periods) {
      __typename
      ... on SchoolDay { periods { id position name startMinute endMinute } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const CounsellingRoomsDocument = document<CounsellingRoomsQuery, CounsellingRoomsQueryVariables>(
  /* GraphQL */ `
  query CounsellingRooms {
    counsellingRooms { id name place }
  }
`,
);

export const SaveCounsellingRoomDocument = document<SaveCounsellingRoomMutation, SaveCounsellingRoomMutationVariables>(
  /* GraphQL */ `
  mutation SaveCounsellingRoom($id: ID, $name: String!, $place: String!) {
    saveCounsellingRoom(id: $id, name: $name, place: $place) {
      __typename
      ... on Room { id name place }
      ... on ValidationError { message field code }
    }
  }
`,
);
