// The mentor screens' pages: fixed paths, and pattern routes for paths with ids.
import type { JSX } from 'preact';
import type { Me } from '../../state/session';
import type { PatternRoute } from '../routes';
import { CheckInPage } from './CheckInPage';
import { HomeLogPage } from './HomeLogPage';
import { ObservePage } from './ObservePage';

export const MENTOR_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {
  '/observe': ObservePage,
};

/** Fixed paths that work from the last-known home while the server is out of reach. */
export const MENTOR_OFFLINE_PAGES = new Set(['/observe']);

// Ids are UUIDs; anything else is not a page of ours.
const ID = '([0-9a-fA-F-]{36})';

export const MENTOR_PATTERNS: PatternRoute[] = [
  { pattern: new RegExp(`^/check-in/${ID}$`), page: CheckInPage, offline: true },
  { pattern: new RegExp(`^/home-log/${ID}$`), page: HomeLogPage, offline: true },
];
