// Signing out, the one way (header and account page). On a shared phone, what the person saw must
// go with them: the last-known home (snapshot) is cleared and this phone's pushes are turned off.
// Entries still waiting stay on the phone, under their author's account: they are sent when that
// person signs in here again, never under anyone else's session, and nobody else sees them.
// With no server, the sign-out happens here at once and on the server at the next chance.
import { request } from '../api/client';
import { LogoutDocument } from '../api/operations';
import { flush } from '../db/outboxSend';
import { forgetThisDevice } from '../pages/notify/push';
import { navigate } from '../router';
import { setSignOutPending, signOutPending } from '../state/device';
import { getSession, markSignedOut } from '../state/session';

/** How long a sign-out waits for the outbox's last round: long enough to send, never to hang. */
const LAST_ROUND_MS = 5_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function signOut(): Promise<void> {
  const session = getSession();
  // A last chance for what is waiting, while the server answers.
  if (session.status === 'signedIn') await Promise.race([flush(session.me.account.id), delay(LAST_ROUND_MS)]);
  // A shared phone must not get the previous person's reminders (best effort, never in the way).
  await forgetThisDevice();
  try {
    await request(LogoutDocument);
    setSignOutPending(false);
  } catch {
    // No server: the cookie still names the session; the next visit (or sign-in) ends it first.
    setSignOutPending(true);
  }
  await markSignedOut();
  navigate('/login');
}

/** Before signing in: end the session a sign-out with no network left on the server (best effort). */
export async function finishPendingSignOut(): Promise<void> {
  if (!signOutPending()) return;
  try {
    await request(LogoutDocument);
  } catch {
    // Signing in replaces the cookie anyway; the old session then simply expires.
  }
  setSignOutPending(false);
}
