// A very small promise wrapper over IndexedDB, enough for the offline outbox and the last-known
// home. No library: the API surface we need is two stores and a handful of operations.

const DB_NAME = 'shouhu';
const DB_VERSION = 2;
export const OUTBOX_STORE = 'outbox';
/** What a person last saw (their own query results), by account: see snapshot.ts. */
export const SNAPSHOT_STORE = 'snapshot';

export type StoreName = typeof OUTBOX_STORE | typeof SNAPSHOT_STORE;

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      // One step per version, so a later version can add steps without touching older ones.
      if (event.oldVersion < 1) {
        const outbox = db.createObjectStore(OUTBOX_STORE, { keyPath: 'id' });
        outbox.createIndex('accountId', 'accountId', { unique: false });
      }
      if (event.oldVersion < 2) {
        const snapshot = db.createObjectStore(SNAPSHOT_STORE, { keyPath: 'key' });
        snapshot.createIndex('accountId', 'accountId', { unique: false });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer app version (in another tab) wants to upgrade: step aside, or it waits for us forever.
      // The next operation here opens again and, once the upgrade is done, gets the new version.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      // The browser may close the connection itself (storage cleared, disk trouble): reopen next time.
      db.onclose = () => {
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    // Another tab still holds an older version open. Our tabs close on `versionchange`, so the
    // request goes on by itself once they have; failing here would only lose the entry being saved.
    request.onblocked = () => undefined;
  });
}

function database(): Promise<IDBDatabase> {
  if (!opening) {
    opening = open();
    // A failed open (private mode, quota, a newer version on disk) must not be cached for good.
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** Issues requests on the store; the request it returns (if any) gives the transaction's result. */
type Body<T> = (store: IDBObjectStore) => IDBRequest<T> | void;

function runOnce<T>(db: IDBDatabase, name: StoreName, mode: IDBTransactionMode, body: Body<T>): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    // 'strict': a write is on disk before the promise resolves, so an entry survives the app being
    // closed (or the phone dying) right after "saved". Reads do not care.
    const transaction = db.transaction(name, mode, { durability: mode === 'readonly' ? 'default' : 'strict' });
    const request = body(transaction.objectStore(name));
    // Resolve on commit, not on the request's success: until then a write can still be rolled back.
    transaction.oncomplete = () => resolve(request ? request.result : undefined);
    transaction.onerror = () => reject(transaction.error ?? request?.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * Runs `body` in one transaction on the store `name` and resolves once it has committed.
 * `body` must issue its requests synchronously (or from request callbacks): IndexedDB ends a
 * transaction as soon as no request is pending.
 */
export async function inStore<T>(name: StoreName, mode: IDBTransactionMode, body: Body<T>): Promise<T | undefined> {
  const db = await database();
  try {
    return await runOnce(db, name, mode, body);
  } catch (error) {
    // The connection was closed under us (versionchange, browser): open again and retry once.
    if (error instanceof DOMException && error.name === 'InvalidStateError') {
      opening = null;
      return runOnce(await database(), name, mode, body);
    }
    throw error;
  }
}

/** `inStore` on the outbox. */
export function inOutbox<T>(mode: IDBTransactionMode, body: Body<T>): Promise<T | undefined> {
  return inStore(OUTBOX_STORE, mode, body);
}
