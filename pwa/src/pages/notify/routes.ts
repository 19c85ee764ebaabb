// Notification pages: the inbox, the settings screen, and the page a push opens (/notifications/<id>).
import type { JSX } from 'preact';
import type { Me } from '../../state/session';
import type { PatternRoute } from '../routes';
import { InboxPage } from './InboxPage';
import { OpenNotificationPage } from './OpenNotificationPage';
import { SettingsPage } from './SettingsPage';

export const NOTIFY_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {
  '/notifications': InboxPage,
  '/settings/notifications': SettingsPage,
};

export const NOTIFY_PATTERNS: PatternRoute[] = [{ pattern: /^\/notifications\/([^/]+)$/, page: OpenNotificationPage }];
