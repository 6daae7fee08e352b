// Structured JSON logs. Callers pass ids and counts only: never names,
// phone numbers, ID numbers or tokens.

const LEVELS = { info: 0, warn: 1, error: 2, silent: 3 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, msg: string, fields: Fields) {
  const threshold = LEVELS[(process.env.LOG_LEVEL ?? 'info') as keyof typeof LEVELS] ?? LEVELS.info;
  if (LEVELS[level] < threshold) return;
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  (level === 'error' ? console.error : console.log)(line);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Fields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Fields = {}) => write('error', msg, fields),
};

/**
 * What an unexpected error may put in a log line: its class, its code and the
 * stack frames. Never the message: it can echo input (a phone number in a
 * validation message, an item in a DynamoDB error).
 */
export function describeError(err: unknown): Fields {
  if (!(err instanceof Error)) return { errorClass: typeof err };
  const code = (err as { code?: unknown; Code?: unknown }).code ?? (err as { Code?: unknown }).Code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim())
    .join(' | ');
  return { errorClass: err.name || err.constructor?.name || 'Error', errorCode: typeof code === 'string' || typeof code === 'number' ? code : null, stack: frames };
}
