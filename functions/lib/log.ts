// Structured JSON logs. Callers pass ids and counts only: never names,
// phone numbers, ID numbers or tokens.

type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'warn' | 'error', msg: string, fields: Fields) {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  (level === 'error' ? console.error : console.log)(line);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Fields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Fields = {}) => write('error', msg, fields),
};
