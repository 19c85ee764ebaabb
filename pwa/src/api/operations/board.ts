// GraphQL operations of the board screens (see ../operations.ts for the conventions).
import { document } from '../client';

export const _boardPlaceholder = document<unknown, unknown>('');
