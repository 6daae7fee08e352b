// Black-box request fuzzing from /openapi.json: a seeded generator of valid
// values for a JSON Schema (with hints from the test's world), mutations that
// make them malformed, and a checker that says whether a request still
// conforms to the document. Nothing here imports the zod schemas.

export type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  security: 'public' | 'resident' | 'staff';
  params: Parameter[];
  body?: Schema;
}

/** Every operation of an OpenAPI 3.1 document, in document order. */
export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(byMethod)) {
      const scheme = op.security?.[0] ? Object.keys(op.security[0])[0] : undefined;
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        security: scheme === 'staffToken' ? 'staff' : scheme === 'residentToken' ? 'resident' : 'public',
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------- randomness

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ------------------------------------------- strings that match a pattern

type Piece = { atom: { chars: string[] } | { alts: Piece[][] }; min: number; max: number };

const DIGITS = '0123456789'.split('');
const range = (a: string, b: string) => Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(a.charCodeAt(0) + i));

function parsePattern(src: string): Piece[][] {
  let i = 0;
  const escape = (c: string): string[] => (c === 'd' ? DIGITS : c === 'w' ? [...range('a', 'z'), ...range('A', 'Z'), ...DIGITS, '_'] : [c]);
  function cls(): string[] {
    const out: string[] = [];
    i++; // [
    while (src[i] !== ']') {
      let c = src[i++]!;
      let set = c === '\\' ? escape(src[i++]!) : [c];
      if (set.length === 1 && src[i] === '-' && src[i + 1] !== ']') {
        i++;
        c = src[i++]!;
        const to = c === '\\' ? src[i++]! : c;
        set = range(set[0]!, to);
      }
      out.push(...set);
    }
    i++; // ]
    return out;
  }
  function alternatives(): Piece[][] {
    const alts: Piece[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      const c = src[i]!;
      if (c === '|') { i++; alts.push([]); continue; }
      if (c === '^' || c === '$') { i++; continue; }
      let atom: Piece['atom'];
      if (c === '[') atom = { chars: cls() };
      else if (c === '(') { i++; if (src.startsWith('?:', i)) i += 2; atom = { alts: alternatives() }; i++; }
      else if (c === '\\') { atom = { chars: escape(src[i + 1]!) }; i += 2; }
      else { atom = { chars: [c] }; i++; }
      let min = 1, max = 1;
      const q = src[i];
      if (q === '?') { min = 0; i++; } else if (q === '*') { min = 0; max = 4; i++; } else if (q === '+') { max = 4; i++; }
      else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i))!;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : min + 4) : min;
        i += m[0].length;
      }
      alts[alts.length - 1]!.push({ atom, min, max });
    }
    return alts;
  }
  return alternatives();
}

/** A random string matching a (simple) JSON Schema pattern. */
export function sample(pattern: string, rng: Rng, long = false): string {
  const gen = (alts: Piece[][]): string =>
    rng.pick(alts).map(({ atom, min, max }) => {
      const n = long ? max : rng.int(min, Math.min(max, min + 8));
      let s = '';
      for (let k = 0; k < n; k++) s += 'chars' in atom ? rng.pick(atom.chars) : gen(atom.alts);
      return s;
    }).join('');
  return gen(parsePattern(pattern));
}

// ---------------------------------------------------------- conformance

const codePoints = (s: string) => [...s].length;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does `v` conform to the schema (the subset the document uses)? */
export function conforms(s: Schema, v: unknown): boolean {
  if (s.anyOf) return s.anyOf.some((x) => conforms(x, v));
  if (s.enum && !s.enum.some((e) => e === v)) return false;
  if ('const' in s && s.const !== v) return false;
  switch (s.type) {
    case 'object': {
      if (!isObject(v)) return false;
      if ((s.required ?? []).some((k) => v[k] === undefined)) return false;
      for (const [k, x] of Object.entries(v)) {
        const p = s.properties?.[k];
        if (p) { if (x !== undefined && !conforms(p, x)) return false; }
        else if (s.additionalProperties === false) return false;
        else if (isObject(s.additionalProperties) && !conforms(s.additionalProperties, x)) return false;
      }
      return true;
    }
    case 'array':
      return Array.isArray(v) && v.length >= (s.minItems ?? 0) && v.length <= (s.maxItems ?? Infinity) && (!s.items || v.every((x) => conforms(s.items!, x)));
    case 'string':
      return typeof v === 'string' && codePoints(v) >= (s.minLength ?? 0) && codePoints(v) <= (s.maxLength ?? Infinity) && (!s.pattern || new RegExp(s.pattern).test(v));
    case 'integer':
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && (s.type === 'number' || Number.isInteger(v))
        && v >= (s.minimum ?? -Infinity) && v <= (s.maximum ?? Infinity)
        && (s.exclusiveMinimum === undefined || v > s.exclusiveMinimum) && (s.exclusiveMaximum === undefined || v < s.exclusiveMaximum);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      return true;
  }
}

const DATE_IN_PATTERN = '\\d{4}-\\d{2}-\\d{2}';
const realDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const REAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Which kind of calendar value a field holds. The document may say so with a
 * pattern or a format; where it only says "string", the field's name does
 * (the README's formats: dates YYYY-MM-DD, times HH:mm, slot ids place~date~HHmm).
 */
export function calendarKind(s: Schema, name: string): 'date' | 'time' | 'slot' | 'month' | 'year' | null {
  const p = s.pattern ?? '';
  const f = (s as { format?: string }).format;
  if (name === 'slotId' || p.includes('~')) return 'slot';
  if (f === 'date' || p.includes(DATE_IN_PATTERN) || ['date', 'from', 'to', 'holidays', 'workdays', 'dueOn'].includes(name)) return 'date';
  if (f === 'time' || ['start', 'end'].includes(name)) return 'time';
  if (name === 'month') return 'month';
  if (name === 'year') return 'year';
  return null;
}

/** Why a calendar value is not a real one (2026-02-30, 25:00, place~2026-13-45~0900), or null. */
export function notRealCalendarValue(kind: ReturnType<typeof calendarKind>, v: string): string | null {
  const date = (x: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
    return !!m && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  };
  switch (kind) {
    case 'date':
      return date(v) ? null : `no such date ${JSON.stringify(v).slice(0, 40)}`;
    case 'time':
      return REAL_TIME.test(v) ? null : `no such time ${JSON.stringify(v).slice(0, 40)}`;
    case 'month':
      return date(`${v}-01`) ? null : `no such month ${JSON.stringify(v).slice(0, 40)}`;
    case 'year':
      return /^\d{4}$/.test(v) && Number(v) >= 1 ? null : `no such year ${JSON.stringify(v).slice(0, 40)}`;
    case 'slot': {
      const m = /^[a-z0-9-]{2,64}~(\d{4}-\d{2}-\d{2})~(\d{2})(\d{2})$/.exec(v);
      return m && date(m[1]!) && REAL_TIME.test(`${m[2]}:${m[3]}`) ? null : `no such slot ${JSON.stringify(v).slice(0, 60)}`;
    }
    default:
      return null;
  }
}

/** The first date, time or slot id in `v` that the schema may let through but the calendar has not. */
export function impossibleDateOrTime(s: Schema, v: unknown, name = ''): string | null {
  if (s.anyOf) {
    const branch = s.anyOf.find((x) => conforms(x, v));
    return branch ? impossibleDateOrTime(branch, v, name) : null;
  }
  if (isObject(v) && s.properties) {
    for (const [k, x] of Object.entries(v)) {
      const why = s.properties[k] ? impossibleDateOrTime(s.properties[k]!, x, k) : null;
      if (why) return why;
    }
  }
  if (Array.isArray(v) && s.items) {
    for (const x of v) {
      const why = impossibleDateOrTime(s.items, x, name);
      if (why) return why;
    }
  }
  if (typeof v === 'string') return notRealCalendarValue(calendarKind(s, name), v);
  return null;
}

// ------------------------------------------------------------ generation

/** Values the test's world knows, by field name: real ids, dates, codes. */
export type Hints = Record<string, (rng: Rng) => unknown>;

export function generate(s: Schema, rng: Rng, hints: Hints, name = ''): unknown {
  const hint = hints[name];
  if (hint) {
    const v = hint(rng);
    if (conforms(s, v)) return v;
  }
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((x) => x.type !== 'null');
    return generate(rng.chance(0.85) && nonNull.length ? rng.pick(nonNull) : rng.pick(s.anyOf), rng, hints, name);
  }
  if (s.enum) return rng.pick(s.enum);
  if ('const' in s) return s.const;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if ((s.required ?? []).includes(k) || rng.chance(0.5)) out[k] = generate(p, rng, hints, k);
      }
      return out;
    }
    case 'array': {
      const min = s.minItems ?? 0;
      const n = rng.int(min, Math.min(s.maxItems ?? min + 2, min + 2));
      return Array.from({ length: n }, () => generate(s.items ?? {}, rng, hints, name));
    }
    case 'string': {
      if (s.pattern) {
        for (let k = 0; k < 20; k++) {
          const v = sample(s.pattern, rng);
          if (conforms(s, v) && !impossibleDateOrTime(s, v, name)) return v;
        }
        return sample(s.pattern, rng);
      }
      const min = s.minLength ?? 0;
      const n = rng.int(Math.max(min, 2), Math.max(min, Math.min(s.maxLength ?? 12, 12)));
      return Array.from({ length: n }, () => rng.pick([...'便民服务中心办事材料说明测试'])).join('');
    }
    case 'integer': {
      const min = Math.max(s.minimum ?? 0, -1000);
      return rng.int(min, Math.min(s.maximum ?? min + 10, min + 10));
    }
    case 'number': {
      const min = s.minimum ?? 0;
      return min + rng.int(0, 100);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return rng.pick(['x', 1, true, null]);
  }
}

// ------------------------------------------------------------- mutation

/** Hostile strings: control and bidi characters, lone surrogates, traversal, very long, odd scripts. */
export const HOSTILE_TEXT = [
  'a\u0000b', '\u0007响铃', '\u202E反转文字', '\u2066隔离\u2069', '\uD800', 'x\uDC00y', '\uFEFF', '名\u0000字',
  '../../etc/passwd', '..%2F..%2F', '<script>alert(1)</script>', "' OR 1=1 --", '${jndi:ldap://x}', '%00', '\\u0000',
  '𠀀𠀁𠀂', 'Ａ１－', '🙂🙂🙂', ' ', '', 'null', 'undefined', 'NaN', 'SERVICE#', 'PK#APP#x', '#', '~', '~~~',
];
export const IMPOSSIBLE_DATES = ['2026-02-30', '2026-13-45', '2026-04-31', '0000-00-00', '2025-02-29', '2026-00-10', '9999-99-99', '2026-06-31'];
export const IMPOSSIBLE_TIMES = ['25:00', '12:60', '24:00', '99:99', '-1:00', '9:00', '1200'];
export const HOSTILE_NUMBERS: unknown[] = [1e21, -1, 1.5, 0.1, -0.5, 2 ** 53, -(2 ** 53), 1e308, -1e308, 'NaN', 'Infinity', '12', '1e21', '0x10', true, null, [], {}];

type PathStep = string | number;
interface Site { path: PathStep[]; schema: Schema; value: unknown }

/** Every (sub)value of a generated document with the schema it was generated from. */
export function sites(s: Schema, v: unknown, path: PathStep[] = []): Site[] {
  const out: Site[] = [{ path, schema: s, value: v }];
  const branch = s.anyOf ? s.anyOf.find((x) => conforms(x, v)) ?? s.anyOf[0]! : s;
  if (isObject(v) && branch.properties) {
    for (const [k, x] of Object.entries(v)) if (branch.properties[k]) out.push(...sites(branch.properties[k]!, x, [...path, k]));
  }
  if (Array.isArray(v) && branch.items) v.forEach((x, i) => out.push(...sites(branch.items!, x, [...path, i])));
  return out;
}

export function setAt(root: unknown, path: PathStep[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  if (value === undefined && !rest.length) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
    return copy;
  }
  copy[head as any] = setAt(copy[head as any], rest, value);
  return copy;
}

const branchOf = (s: Schema, v: unknown) => (s.anyOf ? s.anyOf.find((x) => conforms(x, v)) ?? s.anyOf.find((x) => x.type !== 'null') ?? s : s);

/** One malformed replacement for a value generated from `s`, and what it is. */
export function malform(s: Schema, v: unknown, rng: Rng, name = ''): { value: unknown; what: string } {
  const b = branchOf(s, v);
  const kind = calendarKind(b, name);
  const options: Array<() => { value: unknown; what: string }> = [
    () => ({ value: rng.pick([42, true, null, [], {}, 'x', [v], { v }]), what: 'wrong type' }),
  ];
  if (b.type === 'string') {
    options.push(() => {
      const max = b.maxLength ?? 4000;
      return { value: '长'.repeat(max + rng.pick([1, 2, 100, 5000])), what: `string over ${max}` };
    });
    if ((b.minLength ?? 0) > 0) options.push(() => ({ value: '', what: 'empty string' }));
    options.push(() => ({ value: rng.pick(HOSTILE_TEXT), what: 'hostile text' }));
    options.push(() => {
      const base = typeof v === 'string' ? v : 'x';
      const k = rng.int(0, base.length);
      const bad = rng.pick(['\u0000', '\u202E', '\uD800', '\u0085', '\u2028', '\u200B', '\u001B[31m']);
      return { value: base.slice(0, k) + bad + base.slice(k), what: 'control/bidi character inserted' };
    });
    if ((kind === 'date' || kind === 'slot') && typeof v === 'string') {
      const swapDate = () => {
        const bad = rng.pick(IMPOSSIBLE_DATES);
        return { value: /\d{4}-\d{2}-\d{2}/.test(v) ? v.replace(/\d{4}-\d{2}-\d{2}/, bad) : bad, what: `impossible date ${bad}` };
      };
      options.push(swapDate, swapDate, swapDate);
    }
    if (kind === 'slot' && typeof v === 'string') options.push(() => {
      const bad = rng.pick(['2500', '1260', '2400', '9999', '0960']);
      return { value: v.replace(/\d{4}$/, bad), what: `impossible slot time ${bad}` };
    });
    if (kind === 'time') options.push(() => ({ value: rng.pick(IMPOSSIBLE_TIMES), what: 'impossible time' }), () => ({ value: rng.pick(IMPOSSIBLE_TIMES), what: 'impossible time' }));
    if (kind === 'month') options.push(() => ({ value: rng.pick(['2026-13', '2026-00', '0000-00', '2026-1']), what: 'impossible month' }));
    if (kind === 'year') options.push(() => ({ value: rng.pick(['0000', '-1', '99999', '2026.5', '1e3']), what: 'impossible year' }));
    if (b.enum) options.push(() => ({ value: rng.pick([String(b.enum![0]).toUpperCase(), 'unknown', '', ' ' + String(b.enum![0])]), what: 'invalid enum' }));
  }
  if (b.type === 'integer' || b.type === 'number') {
    options.push(() => ({ value: rng.pick(HOSTILE_NUMBERS), what: 'hostile number' }));
    if (b.maximum !== undefined) options.push(() => ({ value: b.maximum! + rng.pick([1, 1000, 1e21]), what: 'over maximum' }));
    if (b.minimum !== undefined) options.push(() => ({ value: b.minimum! - rng.pick([1, 0.5, 1e21]), what: 'under minimum' }));
    if (b.type === 'integer') options.push(() => ({ value: (typeof v === 'number' ? v : 1) + 0.5, what: 'float for integer' }));
  }
  if (b.type === 'array') {
    options.push(() => ({ value: Array.from({ length: (b.maxItems ?? 50) + 1 }, () => (Array.isArray(v) && v.length ? v[0] : 'x')), what: 'too many items' }));
    options.push(() => ({ value: { 0: v }, what: 'object instead of array' }));
    options.push(() => ({ value: [[[[[[[[[[]]]]]]]]]], what: 'nested arrays' }));
  }
  if (b.type === 'object') {
    options.push(() => ({ value: [v], what: 'array instead of object' }));
    options.push(() => ({ value: nested(40), what: 'nested garbage' }));
    const required = b.required ?? [];
    if (required.length && isObject(v)) options.push(() => {
      const k = rng.pick(required);
      const { [k]: _gone, ...rest } = v;
      return { value: rest, what: `missing ${k}` };
    });
  }
  if (b.type === 'boolean') options.push(() => ({ value: rng.pick(['true', 1, 0, 'yes', null]), what: 'not a boolean' }));
  return rng.pick(options)();
}

export function nested(depth: number): unknown {
  let v: unknown = { a: 1 };
  for (let k = 0; k < depth; k++) v = k % 2 ? { a: v, b: [1, 'x'] } : [v, null];
  return v;
}

export const MALFORMED_JSON = [
  '{', '{"a":', "{'a':1}", '{"a":1}}', '[1,2', 'undefined', 'NaN', '{"a":NaN}', '{"a":Infinity}', '\u0000', '\uFEFF{}',
  '{"a":"\\uD800"', '{"a" 1}', '{,}', 'tru', '"unterminated', '{"__proto__":', '<xml/>', 'a=1&b=2', '{"a":1,}', '[,]',
];
