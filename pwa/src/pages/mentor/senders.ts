// How the outbox sends each kind of entry, and the one place the app starts sending.
// A ValidationError answer is final (sending the same payload again gets the same answer): the entry
// is rejected with the server's translated message. Network trouble throws, so the entry waits.
import { useEffect, useRef } from 'preact/hooks';
import { request } from '../../api/client';
import type {
  RecordCheckInMutationVariables,
  RecordHomeLogMutationVariables,
  ReportObservationMutationVariables,
} from '../../api/generated';
import { RecordCheckInDocument, RecordHomeLogDocument, ReportObservationDocument } from '../../api/operations/mentor';
import type { OutboxEntry, OutboxKind } from '../../db/outbox';
import {
  flush,
  outcomeOfError,
  registerIdentityCheck,
  registerSender,
  startOutboxSync,
  type Sender,
} from '../../db/outboxSend';
import { lastAccountId } from '../../state/device';
import { confirmSignedIn, useSession, type Session } from '../../state/session';

interface Refusal {
  __typename: 'ValidationError';
  message: string;
  field: string | null;
}

/** The field a refusal named, by entry id: lets the form that is still open put it next to the field. */
const refusedFields = new Map<string, string | null>();

export function refusedField(entryId: string): string | null {
  return refusedFields.get(entryId) ?? null;
}

/** A sender from the mutation that stores the entry: its answer is the entry, or a refusal. */
function sender<V>(mutate: (variables: V) => Promise<{ __typename: string } | Refusal>): Sender {
  return async (entry: OutboxEntry) => {
    let result;
    try {
      result = await mutate(entry.variables as unknown as V);
    } catch (error) {
      return outcomeOfError(error);
    }
    if (result.__typename !== 'ValidationError') return { ok: true };
    const refusal = result as Refusal;
    refusedFields.set(entry.id, refusal.field);
    return { ok: false, reason: refusal.message };
  };
}

export const SENDERS: Record<OutboxKind, Sender> = {
  checkIn: sender(async (variables: RecordCheckInMutationVariables) => (await request(RecordCheckInDocument, variables)).recordCheckIn),
  homeLog: sender(async (variables: RecordHomeLogMutationVariables) => (await request(RecordHomeLogDocument, variables)).recordHomeLog),
  observation: sender(
    async (variables: ReportObservationMutationVariables) => (await request(ReportObservationDocument, variables)).reportObservation,
  ),
};

export function registerEntrySenders(): void {
  for (const [kind, send] of Object.entries(SENDERS) as [OutboxKind, Sender][]) registerSender(kind, send);
}

/**
 * Whose entries to try to send: the signed-in account; with the server out of reach, the account last
 * signed in on this phone (each round confirms with the server that the session is still theirs).
 */
function outboxAccount(session: Session): string | null {
  if (session.status === 'signedIn' || session.status === 'offline') return session.me.account.id;
  if (session.status === 'unreachable') return lastAccountId();
  return null;
}

/**
 * Rendered once by the app shell: registers the senders and keeps the outbox sending — at start-up,
 * as soon as the session is known, on `online`, when the app is shown again and on the outbox's
 * timer, also while the server is out of reach. Renders nothing.
 */
export function EntrySync() {
  const session = useSession();
  const accountId = outboxAccount(session);
  const current = useRef(accountId);
  current.current = accountId;

  useEffect(() => {
    registerEntrySenders();
    registerIdentityCheck(confirmSignedIn);
    return startOutboxSync(() => current.current);
  }, []);

  // The sync's own first attempt ran before the session was known: send once it is.
  useEffect(() => {
    if (accountId) void flush(accountId);
  }, [accountId]);

  return null;
}
