// The counselling room's pages (心理辅导室): fixed paths only; the schedule's week is a query parameter.
import type { JSX } from 'preact';
import type { Me } from '../../state/session';
import type { PatternRoute } from '../routes';
import { BookPage } from './BookPage';
import { HoursPage } from './HoursPage';
import { ReportPage } from './ReportPage';
import { SchedulePage } from './SchedulePage';

export const COUNSELLING_PAGES: Record<string, (props: { me: Me }) => JSX.Element> = {
  '/counselling/book': BookPage,
  '/counselling/schedule': SchedulePage,
  '/counselling/hours': HoursPage,
  '/counselling/report': ReportPage,
};

export const COUNSELLING_PATTERNS: PatternRoute[] = [];
