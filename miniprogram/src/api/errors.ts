// The one error type every API call rejects with. `message` is always zh-CN
// and fit to show the user as is.

export const MSG_NETWORK = '网络不给力，请检查网络后重试';
export const MSG_BAD_DATA = '数据格式有误，请稍后重试';
export const MSG_LOGIN_FAILED = '微信登录失败，请稍后重试';
export const MSG_LOGIN_CANCELLED = '已取消登录';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string>;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    // Keep `instanceof` working whatever the transpile target.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    if (fields) this.fields = fields;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ApiError');
}

/** zh-CN fallback when the server's body is not our `{code, message}` shape. */
export function statusMessage(status: number): string {
  if (status === 400) return '请求有误，请检查后重试';
  if (status === 401) return '登录已过期，请重新登录';
  if (status === 403) return '没有权限进行此操作';
  if (status === 404) return '未找到相关内容';
  if (status === 409) return '数据已变化，请刷新后重试';
  if (status === 413) return '提交的内容过多，请精简后重试';
  if (status === 415) return '请求格式有误，请更新小程序后重试';
  if (status === 429) return '访问过于频繁，请稍后再试';
  if (status >= 500) return '服务暂时不可用，请稍后重试';
  return `请求失败（${status}）`;
}

export function statusCode(status: number): string {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  return 'HTTP_' + status;
}

/** Whether a message is fit to show as is (has Chinese text). */
export const isChinese = (message: string) => /[\u4e00-\u9fff]/.test(message);

/** A message for any thrown value. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return '出错了，请稍后重试';
}
