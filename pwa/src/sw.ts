/// <reference lib="webworker" />
// The service worker: the app shell is precached so the app (and the help page) open offline.
// The API is never cached: /graphql answers concern minors and sessions, and must stay on the server.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { appPath } from './paths';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// A new version takes over at once; the shell is small and has no state to migrate.
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Deep links (/help, /admin/students …) get the cached index.html; server routes never do
// (a booking's calendar file /bookings/<id>.ics and the report files /reports/… included).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/graphql/, /^\/healthz/, /^\/readyz/, /^\/bookings\//, /^\/reports\//],
  }),
);

// ---- Push notifications ----
// The server sends {title, body, tag, url, urgent, kind}: count-only texts, never a name; the url is
// /notifications/<id>, which the app opens after sign-in. Anything unreadable still shows a notice.

interface PushPayload {
  title?: unknown;
  body?: unknown;
  tag?: unknown;
  url?: unknown;
  urgent?: unknown;
}

/** When a push cannot be read: a generic notice in the device's language. */
const FALLBACK = {
  'zh-CN': { title: '守护', body: '您有一条新通知，请打开守护查看。' },
  en: { title: 'Shouhu', body: 'You have a new notification. Open Shouhu to see it.' },
};

function fallback(): { title: string; body: string } {
  return /^zh\b/i.test(self.navigator.language) ? FALLBACK['zh-CN'] : FALLBACK.en;
}

/** Only this app's own pages are opened: a path of this origin, else the home page. */
function inAppPath(url: unknown): string {
  return appPath(url, self.location.origin) ?? '/';
}

function readPayload(event: PushEvent): PushPayload {
  try {
    const data: unknown = event.data?.json();
    return data && typeof data === 'object' ? (data as PushPayload) : {};
  } catch {
    return {};
  }
}

function text(value: unknown, otherwise: string): string {
  return typeof value === 'string' && value.trim() ? value : otherwise;
}

async function showPush(payload: PushPayload): Promise<void> {
  const generic = fallback();
  const tag = typeof payload.tag === 'string' && payload.tag ? payload.tag : undefined;
  // `renotify` (sound and vibration again for a replaced notification) is not in TypeScript's types yet.
  const options: NotificationOptions & { renotify?: boolean } = {
    body: text(payload.body, generic.body),
    tag,
    renotify: tag !== undefined,
    data: { url: inAppPath(payload.url) },
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    lang: /^zh\b/i.test(self.navigator.language) ? 'zh-CN' : 'en',
    requireInteraction: payload.urgent === true,
  };
  await self.registration.showNotification(text(payload.title, generic.title), options);
  // An open app refreshes its unread badge.
  const windows = await self.clients.matchAll({ type: 'window' });
  windows.forEach((client) => client.postMessage({ type: 'pushed' }));
}

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(readPayload(event)));
});

/** An open window of the app navigates in place (keeping its session); otherwise a new one opens. */
async function openInApp(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const ours = windows.filter((client) => new URL(client.url).origin === self.location.origin);
  const client = ours.find((candidate) => candidate.focused) ?? ours[0];
  if (client) {
    client.postMessage({ type: 'navigate', url });
    try {
      await client.focus();
    } catch {
      // Focus can be refused (no user activation left); the page has navigated all the same.
    }
    return;
  }
  await self.clients.openWindow(url);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  event.waitUntil(openInApp(inAppPath(data?.url)));
});
