// Region codes nest: county 6 digits, town 9, village 12, group 15.

/** The town a region belongs to (itself when it is a town), or null above town level. */
export function townOf(regionCode: string | null | undefined): string | null {
  return regionCode && regionCode.length >= 9 ? regionCode.slice(0, 9) : null;
}
