import { GraphQLError } from 'graphql';

/** Error codes clients can branch on; every error this project raises carries one in `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function coded(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Input that cannot be accepted as given; the message says what to change. */
export const badInput = (message: string, details?: Record<string, unknown>) => coded('BAD_USER_INPUT', message, details);
/** A referenced record does not exist. */
export const notFound = (message: string, details?: Record<string, unknown>) => coded('NOT_FOUND', message, details);
/** The request is valid but clashes with the current state (already taken, wrong lifecycle step). */
export const conflict = (message: string, details?: Record<string, unknown>) => coded('CONFLICT', message, details);
/** The caller is known but may not do this. */
export const forbidden = (message: string, details?: Record<string, unknown>) => coded('FORBIDDEN', message, details);
/** The caller must prove who they are first. */
export const unauthenticated = (message: string, details?: Record<string, unknown>) => coded('UNAUTHENTICATED', message, details);
