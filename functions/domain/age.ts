// Age rules shared by the server (notice targeting, proactive reminders) and the
// item page's warning; pure, no server imports, re-exported from shared/age.ts.

/** Whole years on `today` (a 29 February birthday counts from 1 March in other years). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

export interface AgeRange {
  minAge?: number | null;
  maxAge?: number | null;
}

/** The item page's warning (never blocking): the person's age against the item's stated range. */
export function ageWarning(birthDate: string | null | undefined, today: string, range: AgeRange): string | null {
  const minAge = range.minAge ?? null;
  const maxAge = range.maxAge ?? null;
  if (!birthDate || (minAge === null && maxAge === null)) return null;
  const age = ageOn(birthDate, today);
  if (minAge !== null && age < minAge) return `本事项面向${minAge}周岁及以上人员，您目前${age}周岁，可能不符合条件`;
  if (maxAge !== null && age > maxAge) return `本事项面向${maxAge}周岁及以下人员，您目前${age}周岁，可能不符合条件`;
  return null;
}
