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
import {
  flush,
  outcomeOfError,
  registerSender,
  startOutboxSync,
  type OutboxEntry,
  type OutboxKind,
  type Sender,
} from '../../db/outbox';
import { loadMe, useSession } from '../../state/session';
import { forgetAll } from './memory';

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
 * Rendered once by the app shell: registers the senders and keeps the outbox sending for whoever
 * is signed in — at start-up, as soon as the session is known, on `online`, when the app is shown
 * again and on the outbox's timer. Renders nothing.
 */
export function EntrySync() {
  const session = useSession();
  const accountId = session.status === 'signedIn' ? session.me.account.id : null;
  const current = useRef(accountId);
  current.current = accountId;

  useEffect(() => {
    registerEntrySenders();
    return startOutboxSync(() => current.current);
  }, []);

  // The sync's own first attempt ran before the session was known: send once it is.
  // Someone else signing in on this phone does not see what the cards remembered.
  const previous = useRef(accountId);
  useEffect(() => {
    if (previous.current !== accountId) forgetAll();
    previous.current = accountId;
    if (accountId) void flush(accountId);
  }, [accountId]);

  // Opened offline, the app cannot tell who is signed in; ask again when the network returns,
  // so the entries saved on this phone go out without the person having to tap "retry".
  const unreachable = session.status === 'unreachable';
  useEffect(() => {
    if (!unreachable) return;
    const retry = () => void loadMe();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [unreachable]);

  return null;
}
