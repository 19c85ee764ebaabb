/// <reference lib="webworker" />
// The service worker: the app shell is precached so the app (and the help page) open offline.
// The API is never cached: /graphql answers concern minors and sessions, and must stay on the server.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

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
