// Addresses the app follows from outside (a push, the server's notification target, the sign-in
// page's ?next=): only a path of this origin, never another site. Shared by the app and the
// service worker, so it uses no window or DOM.

/** The path (with query and hash) if `raw` is a path of `origin`, else null. */
export function appPath(raw: unknown, origin: string): string | null {
  // '//host' and '/\host' are read by browsers as another site.
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  try {
    // The URL parser drops tabs and newlines, resolves dot segments and reads a backslash as '/':
    // what is left must still be this origin and a path that does not begin with '//'.
    const url = new URL(raw, origin);
    const path = url.pathname + url.search + url.hash;
    return url.origin === origin && !path.startsWith('//') ? path : null;
  } catch {
    return null;
  }
}
