// The last-known home of the person signed in on this phone: their own query results (`me`, the
// students and rota of the mentor card, a child's family card, the observation list, other home
// cards), kept in IndexedDB by account so that the app opened with no network shows them and the
// entry forms work. Nothing here is more than that person was shown; it is cleared on sign-out, when
// the server says the session has ended, and when another account signs in on the phone.
//
// Reads are synchronous (components render from memory); `load` fills memory from disk once, when
// the app starts without a server. Only the account the server has just confirmed (the `owner`)
// may write, so an answer arriving after sign-out cannot bring data back.
import { inStore, SNAPSHOT_STORE } from './idb';

interface SnapshotRecord {
  /** `${accountId}|${part}` */
  key: string;
  accountId: string;
  /** What it is: 'me', 'myStudents', 'family:<studentId>', … */
  part: string;
  data: unknown;
  /** ISO time it was received from the server. */
  savedAt: string;
}

export interface Remembered<T> {
  data: T;
  savedAt: string;
}

const memory = new Map<string, SnapshotRecord>();
let owner: string | null = null;

function keyOf(accountId: string, part: string): string {
  return `${accountId}|${part}`;
}

/** The account the server confirmed is signed in (null: nobody), the only one `remember` writes for. */
export function setSnapshotOwner(accountId: string | null): void {
  owner = accountId;
}

/** Keeps a fresh answer, in memory at once and on disk soon after; storage failures only cost the offline view. */
export function remember(accountId: string, part: string, data: unknown): void {
  if (owner !== accountId) return;
  const record: SnapshotRecord = { key: keyOf(accountId, part), accountId, part, data, savedAt: new Date().toISOString() };
  memory.set(record.key, record);
  inStore(SNAPSHOT_STORE, 'readwrite', (store) => {
    // Checked again when the transaction starts: a sign-out in between wins.
    if (owner === accountId) store.put(record);
  }).catch(() => undefined);
}

export function recall<T>(accountId: string | null | undefined, part: string): Remembered<T> | null {
  if (!accountId) return null;
  const record = memory.get(keyOf(accountId, part));
  return record ? { data: record.data as T, savedAt: record.savedAt } : null;
}

/** Reads the account's snapshot from disk into memory (the app started without a server). */
export async function loadSnapshot(accountId: string): Promise<void> {
  const records = await inStore<SnapshotRecord[]>(SNAPSHOT_STORE, 'readonly', (store) =>
    store.index('accountId').getAll(accountId),
  );
  for (const record of records ?? []) if (!memory.has(record.key)) memory.set(record.key, record);
}

/** Forgets every account's snapshot (sign-out, a session the server ended). */
export async function clearSnapshots(): Promise<void> {
  owner = null;
  memory.clear();
  await inStore(SNAPSHOT_STORE, 'readwrite', (store) => store.clear());
}

/** Forgets the snapshots of every account but this one (someone else signed in on the phone). */
export async function keepOnlySnapshotOf(accountId: string): Promise<void> {
  for (const [key, record] of memory) if (record.accountId !== accountId) memory.delete(key);
  await inStore(SNAPSHOT_STORE, 'readwrite', (store) => {
    const cursor = store.openCursor();
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (!current) return;
      if ((current.value as SnapshotRecord).accountId !== accountId) current.delete();
      current.continue();
    };
  });
}
