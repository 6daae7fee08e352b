// Typed errors of the API; mapped to HTTP status in one place (lib/http.ts).

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new AppError(400, 'BAD_REQUEST', message, fields);
/** Refuse with the field errors of a domain rule, if there are any (the first one is the message). */
export function refuseFieldErrors(fields: Record<string, string>): void {
  const first = Object.values(fields)[0];
  if (first !== undefined) throw badRequest(first, fields);
}
export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '记录不存在') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string, code = 'CONFLICT') => new AppError(409, code, message);
export const tooLarge = (message = '请求内容过大') => new AppError(413, 'PAYLOAD_TOO_LARGE', message);
export const unsupportedMediaType = (message = '请求内容应为 JSON') => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', message);
export const upstream = (message: string) => new AppError(502, 'UPSTREAM', message);

/** 429 with when to try again: `retryAfter` seconds in the body and the Retry-After header. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super(429, 'TOO_MANY_REQUESTS', message);
  }
}
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new TooManyRequestsError(message, Math.max(1, Math.ceil(retryAfterSeconds)));
