// Pages whose path carries an id (/students/<id>, …): matched by pattern after the fixed pages.
import type { JSX } from 'preact';
import type { Me } from '../state/session';

export interface PatternRoute {
  pattern: RegExp;
  page: (props: { me: Me; params: string[] }) => JSX.Element;
  /** Works from the last-known home while the server is out of reach (the entry forms). */
  offline?: boolean;
}
