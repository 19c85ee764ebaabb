// GraphQL operations of notifications (see ../operations.ts for the conventions): the in-app inbox
// and its unread count, one notification opened from a push, and this person's push devices, the
// kinds they receive and a test notification; and the admin's school settings (reminder times and
// the chat-group robots, whose URL is never read back: the server gives only its hint).
import { document } from '../client';
import type {
  InboxQuery,
  InboxQueryVariables,
  UnreadNotificationsQuery,
  UnreadNotificationsQueryVariables,
  OpenNotificationQuery,
  OpenNotificationQueryVariables,
  MarkInboxReadMutation,
  MarkInboxReadMutationVariables,
  NotificationSettingsQuery,
  NotificationSettingsQueryVariables,
  RegisterPushSubscriptionMutation,
  RegisterPushSubscriptionMutationVariables,
  RemovePushSubscriptionMutation,
  RemovePushSubscriptionMutationVariables,
  SetNotificationKindsMutation,
  SetNotificationKindsMutationVariables,
  SendTestNotificationMutation,
  SendTestNotificationMutationVariables,
  SchoolReminderTimesQuery,
  SchoolReminderTimesQueryVariables,
  SetSchoolReminderTimesMutation,
  SetSchoolReminderTimesMutationVariables,
  SchoolWebhooksQuery,
  SchoolWebhooksQueryVariables,
  SaveSchoolWebhookMutation,
  SaveSchoolWebhookMutationVariables,
  RemoveSchoolWebhookMutation,
  RemoveSchoolWebhookMutationVariables,
} from '../generated';

/** One's notifications, newest first; the texts are the server's, count-only (no names). */
export const InboxDocument = document<InboxQuery, InboxQueryVariables>(
  /* GraphQL */ `
  query Inbox($first: Int!, $after: String) {
    inbox(first: $first, after: $after) {
      items { id kind count text urgent target createdAt readAt }
      pageInfo { hasNextPage endCursor }
      unreadCount
    }
  }
`,
);

/** The header's badge. */
export const UnreadNotificationsDocument = document<UnreadNotificationsQuery, UnreadNotificationsQueryVariables>(
  /* GraphQL */ `
  query UnreadNotifications {
    unreadNotifications
  }
`,
);

/** Where a push leads: the notification (marked read by the server), or null when not one's own. */
export const OpenNotificationDocument = document<OpenNotificationQuery, OpenNotificationQueryVariables>(
  /* GraphQL */ `
  query OpenNotification($id: ID!) {
    notification(id: $id) { id target readAt }
  }
`,
);

export const MarkInboxReadDocument = document<MarkInboxReadMutation, MarkInboxReadMutationVariables>(
  /* GraphQL */ `
  mutation MarkInboxRead($ids: [ID!], $all: Boolean!) {
    markInboxRead(ids: $ids, all: $all) {
      __typename
      ... on Unread { unreadCount }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const NotificationSettingsDocument = document<NotificationSettingsQuery, NotificationSettingsQueryVariables>(
  /* GraphQL */ `
  query NotificationSettings {
    notificationSettings {
      vapidPublicKey
      kinds { kind enabled mutable }
      devices { id label endpoint endpointHost createdAt lastSuccessAt }
      times { quietStart quietEnd mentorReminder guardianReminder leadDigest escalateAfterMinutes timeZone }
    }
  }
`,
);

export const RegisterPushSubscriptionDocument = document<
  RegisterPushSubscriptionMutation,
  RegisterPushSubscriptionMutationVariables
>(
  /* GraphQL */ `
  mutation RegisterPushSubscription($input: PushSubscriptionInput!) {
    registerPushSubscription(input: $input) {
      __typename
      ... on PushDevice { id label endpoint endpointHost createdAt lastSuccessAt }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** By the endpoint (this browser's subscription) or by the id (a device in the list). */
export const RemovePushSubscriptionDocument = document<
  RemovePushSubscriptionMutation,
  RemovePushSubscriptionMutationVariables
>(
  /* GraphQL */ `
  mutation RemovePushSubscription($endpoint: String, $id: ID) {
    removePushSubscription(endpoint: $endpoint, id: $id) {
      __typename
      ... on Done { ok }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const SetNotificationKindsDocument = document<SetNotificationKindsMutation, SetNotificationKindsMutationVariables>(
  /* GraphQL */ `
  mutation SetNotificationKinds($enabled: [NotificationKind!]!) {
    setNotificationKinds(enabled: $enabled) {
      __typename
      ... on NotificationSettings { kinds { kind enabled mutable } }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const SendTestNotificationDocument = document<SendTestNotificationMutation, SendTestNotificationMutationVariables>(
  /* GraphQL */ `
  mutation SendTestNotification {
    sendTestNotification { devices }
  }
`,
);

/** The school's quiet hours and reminder times (admins). */
export const SchoolReminderTimesDocument = document<SchoolReminderTimesQuery, SchoolReminderTimesQueryVariables>(
  /* GraphQL */ `
  query SchoolReminderTimes {
    schoolReminderTimes { quietStart quietEnd mentorReminder guardianReminder leadDigest escalateAfterMinutes timeZone }
  }
`,
);

export const SetSchoolReminderTimesDocument = document<
  SetSchoolReminderTimesMutation,
  SetSchoolReminderTimesMutationVariables
>(
  /* GraphQL */ `
  mutation SetSchoolReminderTimes($input: ReminderTimesInput!) {
    setSchoolReminderTimes(input: $input) {
      __typename
      ... on ReminderTimes { quietStart quietEnd mentorReminder guardianReminder leadDigest escalateAfterMinutes timeZone }
      ... on ValidationError { message field code }
    }
  }
`,
);

/** The school's chat-group robots (admins): the URL holds the robot's key, so only its hint comes back. */
export const SchoolWebhooksDocument = document<SchoolWebhooksQuery, SchoolWebhooksQueryVariables>(
  /* GraphQL */ `
  query SchoolWebhooks {
    schoolWebhooks { id name urlHint kinds active createdAt }
  }
`,
);

/** A new robot needs its URL; an edit without one keeps the saved URL. */
export const SaveSchoolWebhookDocument = document<SaveSchoolWebhookMutation, SaveSchoolWebhookMutationVariables>(
  /* GraphQL */ `
  mutation SaveSchoolWebhook($input: SchoolWebhookInput!) {
    saveSchoolWebhook(input: $input) {
      __typename
      ... on SchoolWebhook { id name urlHint kinds active createdAt }
      ... on ValidationError { message field code }
    }
  }
`,
);

export const RemoveSchoolWebhookDocument = document<RemoveSchoolWebhookMutation, RemoveSchoolWebhookMutationVariables>(
  /* GraphQL */ `
  mutation RemoveSchoolWebhook($id: ID!) {
    removeSchoolWebhook(id: $id) {
      __typename
      ... on Done { ok }
      ... on ValidationError { message field code }
    }
  }
`,
);
