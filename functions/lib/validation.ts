import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.cjs';
import { badRequest } from './errors';

// zh-CN messages for every schema; jitless keeps parsing free of `new Function`.
z.config(zhCN());
z.config({ jitless: true });

/** Parse input with a shared schema; a failure is a 400 with field errors. */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : what;
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  throw badRequest(first ? `${what}有误：${first[1]}` : `${what}有误`, fields);
}
