// A tiny QR encoder for booking codes: version 1 (21×21), error correction
// level M, alphanumeric mode (up to 20 of 0-9 A-Z space $%*+-./:), best of the
// 8 masks by the standard penalty rules. Returns rows of dark (true) modules,
// or null when the text does not fit. After Project Nayuki's reference encoder.
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const SIZE = 21;
const DATA_CODEWORDS = 16;
const EC_CODEWORDS = 10;

type Grid = boolean[][];

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsRemainder(data: number[], degree: number): number[] {
  const divisor: number[] = new Array<number>(degree - 1).fill(0).concat([1]);
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < divisor.length; j++) {
      divisor[j] = gfMul(divisor[j]!, root) ^ (j + 1 < divisor.length ? divisor[j + 1]! : 0);
    }
    root = gfMul(root, 2);
  }
  const result: number[] = new Array<number>(degree).fill(0);
  for (const b of data) {
    const factor = b ^ (result.shift() ?? 0);
    result.push(0);
    divisor.forEach((c, i) => {
      result[i] = result[i]! ^ gfMul(c, factor);
    });
  }
  return result;
}

function codewords(text: string): number[] | null {
  if (text.length > 20) return null;
  const bits: number[] = [];
  const put = (value: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0010, 4);
  put(text.length, 9);
  for (let i = 0; i < text.length; i += 2) {
    const a = ALNUM.indexOf(text[i]!);
    const b = i + 1 < text.length ? ALNUM.indexOf(text[i + 1]!) : -2;
    if (a < 0 || b === -1) return null;
    if (b >= 0) put(a * 45 + b, 11);
    else put(a, 6);
  }
  const capacity = DATA_CODEWORDS * 8;
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((v, b) => (v << 1) | b, 0));
  for (let pad = 0xec; data.length < DATA_CODEWORDS; pad ^= 0xec ^ 0x11) data.push(pad);
  return data.concat(rsRemainder(data, EC_CODEWORDS));
}

function blank(): Grid {
  return Array.from({ length: SIZE }, () => new Array<boolean>(SIZE).fill(false));
}

function functionPatterns(): { grid: Grid; fixed: Grid } {
  const grid = blank();
  const fixed = blank();
  const set = (x: number, y: number, dark: boolean) => {
    grid[y]![x] = dark;
    fixed[y]![x] = true;
  };
  for (let i = 0; i < SIZE; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [SIZE - 4, 3], [3, SIZE - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < SIZE && y >= 0 && y < SIZE) set(x, y, dist !== 2 && dist !== 4);
      }
    }
  }
  // Reserve the format areas (drawn per mask) and the dark module.
  for (let i = 0; i < 9; i++) {
    fixed[8]![i] = true;
    fixed[i]![8] = true;
  }
  for (let i = 0; i < 8; i++) {
    fixed[8]![SIZE - 1 - i] = true;
    fixed[SIZE - 1 - i]![8] = true;
  }
  set(8, SIZE - 8, true);
  return { grid, fixed };
}

function drawFormat(grid: Grid, mask: number): void {
  const data = (0 << 3) | mask; // level M = 00
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  const set = (x: number, y: number, dark: boolean) => {
    grid[y]![x] = dark;
  };
  for (let i = 0; i <= 5; i++) set(8, i, bit(i));
  set(8, 7, bit(6));
  set(8, 8, bit(7));
  set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(SIZE - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(8, SIZE - 15 + i, bit(i));
  set(8, SIZE - 8, true);
}

function masked(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0: return (x + y) % 2 === 0;
    case 1: return y % 2 === 0;
    case 2: return x % 3 === 0;
    case 3: return (x + y) % 3 === 0;
    case 4: return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5: return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6: return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    default: return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
  }
}

function penalty(grid: Grid): number {
  let score = 0;
  const lines: string[] = [];
  for (let i = 0; i < SIZE; i++) {
    lines.push(grid[i]!.map((d) => (d ? '1' : '0')).join(''));
    lines.push(grid.map((row) => (row[i] ? '1' : '0')).join(''));
  }
  for (const line of lines) {
    for (const run of line.match(/0{5,}|1{5,}/g) ?? []) score += run.length - 2;
    score += 40 * ((line.match(/(?=10111010000|00001011101)/g) ?? []).length);
  }
  let dark = 0;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (grid[y]![x]) dark++;
      if (x < SIZE - 1 && y < SIZE - 1) {
        const c = grid[y]![x];
        if (grid[y]![x + 1] === c && grid[y + 1]![x] === c && grid[y + 1]![x + 1] === c) score += 3;
      }
    }
  }
  return score + 10 * Math.floor(Math.abs((dark * 100) / (SIZE * SIZE) - 50) / 5);
}

/** The QR modules of `text` (21 rows of 21), or null if it cannot be encoded. */
export function qrMatrix(text: string): Grid | null {
  const words = codewords(text);
  if (!words) return null;
  const { grid: base, fixed } = functionPatterns();
  // Zig-zag placement of the data bits, two columns at a time from the right.
  let i = 0;
  for (let right = SIZE - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < SIZE; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? SIZE - 1 - vert : vert;
        if (!fixed[y]![x] && i < words.length * 8) {
          base[y]![x] = ((words[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }
  let best: Grid | null = null;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const grid = base.map((row, y) => row.map((d, x) => (fixed[y]![x] ? d : d !== masked(mask, x, y))));
    drawFormat(grid, mask);
    const s = penalty(grid);
    if (s < bestScore) {
      best = grid;
      bestScore = s;
    }
  }
  return best;
}
