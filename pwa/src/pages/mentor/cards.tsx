// Home-screen cards of the mentor roles: the body of the role's card, by role kind.
import type { JSX } from 'preact';
import type { RoleKind } from '../../api/generated';
import type { Me } from '../../state/session';

type Role = Me['roles'][number];
export const MENTOR_CARDS: Partial<Record<RoleKind, (props: { role: Role; me: Me }) => JSX.Element>> = {};
