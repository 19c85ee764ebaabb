// The mentor screens' pages: fixed paths, and pattern routes for paths with ids.
import type { JSX } from 'preact';
import type { Me } from '../../state/session';
import type { PatternRoute } from '../routes';

export const MENTOR_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {};
export const MENTOR_PATTERNS: PatternRoute[] = [];
