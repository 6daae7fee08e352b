// ARIA role for H5 (Taro's prop types do not list `role`; mini-programs ignore it).
export function role(name: string): Record<string, never> {
  return { role: name } as unknown as Record<string, never>;
}
