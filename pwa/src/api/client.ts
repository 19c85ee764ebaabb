// The network layer: one POST to same-origin /graphql per operation.
// The session lives in an HttpOnly cookie set by the server; this code never sees a token.
import { getLocale } from '../i18n';

/** A GraphQL document string tagged with its result and variables types. */
export type Document<TResult, TVariables> = string & {
  readonly __result?: TResult;
  readonly __variables?: TVariables;
};

/** Tags an operation's text with its types; `npm run codegen` writes those types. */
export function document<TResult, TVariables>(text: string): Document<TResult, TVariables> {
  return text as Document<TResult, TVariables>;
}

/** Codes the server puts in `extensions.code`, plus the two the client makes up. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NETWORK' | 'TIMEOUT' | string;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The server's (already translated) message, when it sent one. */
    readonly serverMessage?: string,
  ) {
    super(serverMessage ?? code);
    this.name = 'ApiError';
  }
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the server answers UNAUTHENTICATED (e.g. the session expired). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

// Never wait on the network forever: a phone in a corridor may hang on a dead connection.
const TIMEOUT_MS = 15_000;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        'Accept-Language': getLocale(),
      },
      body: JSON.stringify({ query: document, variables: variables ?? {} }),
      signal: controller.signal,
    });
  } catch {
    throw new ApiError(controller.signal.aborted ? 'TIMEOUT' : 'NETWORK');
  } finally {
    clearTimeout(timer);
  }

  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(response.ok ? 'BAD_RESPONSE' : `HTTP_${response.status}`);
  }

  const first = body.errors?.[0];
  if (first) {
    const error = new ApiError(first.extensions?.code ?? 'INTERNAL', first.message);
    if (error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener(error));
    throw error;
  }
  if (!body.data) throw new ApiError(`HTTP_${response.status}`);
  return body.data;
}
