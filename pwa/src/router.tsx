// A tiny History API router: the server answers every deep link with index.html.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { appPath } from './paths';

const listeners = new Set<() => void>();
let navigated = false;

/** True once the user has moved within the app (not on the first page load). */
export function hasNavigated(): boolean {
  return navigated;
}

export function currentPath(): string {
  return window.location.pathname;
}

/** `path` may carry a query string (/check-in/<id>?amend=<id>); pages are matched on the path alone. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath() + window.location.search) return;
  navigated = true;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', () => {
  navigated = true;
  listeners.forEach((listener) => listener());
});

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return path;
}

/** A parameter of the address's query string, kept current across navigations. */
export function useSearchParam(name: string): string | null {
  const read = () => new URLSearchParams(window.location.search).get(name);
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    listeners.add(update);
    return () => listeners.delete(update);
  }, [name]);
  return value;
}

/** Pages a return address may not be: signing in again would loop. */
const NOT_AFTER_LOGIN = new Set(['/login', '/activate']);

/**
 * A path of this app to return to, or null: only a same-origin path starting with one '/' (never
 * '//host' or '/\\host', which browsers read as another site), so ?next= is no open redirect.
 */
export function safeNext(raw: string | null | undefined): string | null {
  const path = appPath(raw, window.location.origin);
  if (path === null) return null;
  const pathname = new URL(path, window.location.origin).pathname;
  const page = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return NOT_AFTER_LOGIN.has(page) ? null : path;
}

/** The sign-in page, remembering `from` (the path and query one was going to) unless it is the home page. */
export function loginPath(from: string): string {
  const next = safeNext(from);
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Where to go once signed in: the sign-in page's ?next= if it is a path of this app, else home. */
export function afterLoginPath(): string {
  return safeNext(new URLSearchParams(window.location.search).get('next')) ?? '/';
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children: ComponentChildren };

/** An ordinary <a href> (works with a middle click) that navigates in place on a plain click. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
