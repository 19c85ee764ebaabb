// The board screens' pages: fixed paths, and pattern routes for paths with ids.
import type { JSX } from 'preact';
import type { Me } from '../../state/session';
import type { PatternRoute } from '../routes';
import { ClassBoardPage } from './ClassBoardPage';
import { OpenCasePage } from './OpenCasePage';
import { SchoolBoardPage } from './SchoolBoardPage';
import { StudentPage } from './StudentPage';

export const BOARD_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {
  '/board': SchoolBoardPage,
  '/cases/new': OpenCasePage,
};

export const BOARD_PATTERNS: PatternRoute[] = [
  { pattern: /^\/classes\/([^/]+)\/board$/, page: ClassBoardPage },
  { pattern: /^\/students\/([^/]+)$/, page: StudentPage },
];
