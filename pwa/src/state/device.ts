// Two things this phone remembers between visits, in localStorage (read synchronously at start-up):
// - whose session it last had: an opaque account id, no name. With no network the app shows that
//   account's last-known home (if a snapshot is kept), and the outbox knows whose entries wait.
// - a sign-out the server has not heard of yet (signed out with no network): the next visit ends the
//   server's session before anything else, or the cookie would sign the person straight back in.

const LAST_ACCOUNT = 'shouhu.lastAccount';
const SIGN_OUT_PENDING = 'shouhu.signOutPending';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage unavailable (private mode): the app still works online, only less so offline.
  }
}

export function lastAccountId(): string | null {
  return read(LAST_ACCOUNT);
}

export function setLastAccountId(accountId: string): void {
  write(LAST_ACCOUNT, accountId);
}

export function signOutPending(): boolean {
  return read(SIGN_OUT_PENDING) === '1';
}

export function setSignOutPending(pending: boolean): void {
  write(SIGN_OUT_PENDING, pending ? '1' : null);
}
