// This browser's push subscription: whether it can have one, turning it on (only ever from a tap on
// 开启通知, which asks for permission), turning it off, and forgetting it at sign-out so that a shared
// phone does not get the previous person's reminders.
import { request } from '../../api/client';
import { RegisterPushSubscriptionDocument, RemovePushSubscriptionDocument } from '../../api/operations/notify';
import type { RegisterPushSubscriptionMutation } from '../../api/generated';
import { t } from '../../i18n';
import { appPath } from '../../paths';

export type PushState = 'unsupported' | NotificationPermission;

/** iPhones and iPads before the app is on the home screen, and some in-app browsers, have no push. */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export function pushState(): PushState {
  return pushSupported() ? Notification.permission : 'unsupported';
}

/** An in-app path (from the server or a push) or the home page: never another site. */
export function inAppPath(url: string | null | undefined): string {
  return appPath(url, window.location.origin) ?? '/';
}

/** The VAPID key as the bytes pushManager.subscribe wants (it arrives base64url, unpadded). */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameBytes(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

/** A short description of this device for the list of one's devices, e.g. "iPhone · Safari". */
export function deviceLabel(userAgent: string = navigator.userAgent): string {
  const system = /iPhone/.test(userAgent)
    ? 'iPhone'
    : /iPad/.test(userAgent) || (/Macintosh/.test(userAgent) && navigator.maxTouchPoints > 1)
      ? 'iPad'
      : /HarmonyOS/i.test(userAgent)
        ? 'HarmonyOS'
        : /Android/.test(userAgent)
          ? 'Android'
          : /Windows/.test(userAgent)
            ? 'Windows'
            : /Mac OS X|Macintosh/.test(userAgent)
              ? 'Mac'
              : /CrOS/.test(userAgent)
                ? 'ChromeOS'
                : /Linux/.test(userAgent)
                  ? 'Linux'
                  : '';
  // The order matters: Edge, Huawei's and the Chinese browsers all also say "Chrome" and "Safari".
  const browsers: [RegExp, string][] = [
    [/EdgA?\//, 'Edge'],
    [/HuaweiBrowser\//, 'Huawei'],
    [/MiuiBrowser\//, 'Xiaomi'],
    [/UCBrowser\//, 'UC'],
    [/QQBrowser\//, 'QQ'],
    [/MicroMessenger\//, 'WeChat'],
    [/SamsungBrowser\//, 'Samsung Internet'],
    [/OPR\//, 'Opera'],
    [/Firefox\/|FxiOS\//, 'Firefox'],
    [/Chrome\/|CriOS\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ];
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? '';
  return [system, browser].filter(Boolean).join(' · ') || t('notify.device.unknown');
}

/** The service worker's registration, once it is active; null when there is none to wait for. */
async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!(await navigator.serviceWorker.getRegistration())) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return registration ? registration.pushManager.getSubscription() : null;
}

export type EnableResult =
  | { status: 'enabled'; device: Extract<RegisterPushSubscriptionMutation['registerPushSubscription'], { __typename: 'PushDevice' }> }
  | { status: 'notGranted'; permission: NotificationPermission }
  | { status: 'failed'; message: string };

/** Permission, the browser's subscription, then the server's record of it. Call from a tap only. */
export async function enablePush(vapidPublicKey: string): Promise<EnableResult> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return { status: 'notGranted', permission };
  const registration = await activeRegistration();
  if (!registration) return { status: 'failed', message: t('notify.notReady') };
  const key = keyBytes(vapidPublicKey);
  let subscription: PushSubscription;
  try {
    const existing = await registration.pushManager.getSubscription();
    // A subscription made for another server key (the key was changed) cannot be used: make a new one.
    if (existing && !sameBytes(existing.options?.applicationServerKey, key)) await existing.unsubscribe();
    subscription =
      existing && sameBytes(existing.options?.applicationServerKey, key)
        ? existing
        : await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch {
    // E.g. Chrome in mainland China: its push service cannot be reached.
    return { status: 'failed', message: t('notify.subscribeFailed') };
  }
  const json = subscription.toJSON();
  const input = {
    endpoint: json.endpoint ?? subscription.endpoint,
    p256dh: json.keys?.p256dh ?? '',
    auth: json.keys?.auth ?? '',
    label: deviceLabel(),
  };
  const { registerPushSubscription: result } = await request(RegisterPushSubscriptionDocument, { input });
  if (result.__typename === 'ValidationError') {
    // The server will not send to it: do not leave a subscription nobody uses.
    await subscription.unsubscribe().catch(() => false);
    return { status: 'failed', message: result.message };
  }
  return { status: 'enabled', device: result };
}

/** Turns push off in this browser and on the server; the server's refusal as a message, if any. */
export async function disablePush(): Promise<string | null> {
  const subscription = await currentSubscription();
  if (!subscription) return null;
  const { endpoint } = subscription;
  await subscription.unsubscribe().catch(() => false);
  const { removePushSubscription: result } = await request(RemovePushSubscriptionDocument, { endpoint });
  // "Unknown subscription": already forgotten (e.g. removed from the list): nothing left to do.
  return result.__typename === 'ValidationError' && result.code !== 'PUSH_UNKNOWN_SUBSCRIPTION' ? result.message : null;
}

/** At sign-out: best effort and bounded in time; sign-out never waits on it for long, nor fails with it. */
export async function forgetThisDevice(): Promise<void> {
  const attempt = disablePush().catch(() => null);
  await Promise.race([attempt, new Promise((resolve) => setTimeout(resolve, 3000))]);
}
