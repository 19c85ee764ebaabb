// Home-screen cards of the board roles: the body of the role's card, by role kind.
import type { JSX } from 'preact';
import type { RoleKind } from '../../api/generated';
import type { Me } from '../../state/session';

type Role = Me['roles'][number];
export const BOARD_CARDS: Partial<Record<RoleKind, (props: { role: Role; me: Me }) => JSX.Element>> = {};
