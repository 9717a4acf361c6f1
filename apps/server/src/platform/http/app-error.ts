import type { ErrorCode } from '@souk/contracts/errors';

export interface FieldError {
  path: string;
  message: string;
}

/** The one error type of the platform: services throw it, the error handler renders it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Optional detail for the client; already translated or free of personal data. */
    readonly detail?: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extra members of the problem body (e.g. the quota problem's limit and usage). */
    readonly extensions?: Record<string, string | number | null>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (detail?: string) => new AppError('not_found', detail);
export const conflict = (detail?: string) => new AppError('conflict', detail);
export const forbidden = (detail?: string) => new AppError('forbidden', detail);
