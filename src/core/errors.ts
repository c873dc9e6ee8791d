/**
 * The few error kinds Paperboy raises. Each carries a stable code that the web layer maps to an HTTP status in
 * one place (src/web/errors.ts) and the CLI turns into a one-line message.
 */
export type ErrorCode =
  | "invalid"
  | "not_found"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "upstream"
  | "overloaded";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const invalid = (message: string, details?: Record<string, unknown>) =>
  new AppError("invalid", message, details);
export const notFound = (message: string) => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const unauthorized = (message: string) => new AppError("unauthorized", message);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const rateLimited = (message: string) => new AppError("rate_limited", message);
export const upstream = (message: string) => new AppError("upstream", message);
/** The server is too busy for this right now: try again after `retryAfterSeconds`. */
export const overloaded = (message: string, retryAfterSeconds: number) =>
  new AppError("overloaded", message, { retryAfterSeconds });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
