// GraphQL operations of the mentor screens (see ../operations.ts for the conventions).
import { document } from '../client';

export const _mentorPlaceholder = document<unknown, unknown>('');
