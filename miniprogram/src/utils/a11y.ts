// Accessibility for H5, where Taro's View and Button render plain divs.
// Taro's prop types do not list `role` or `tabIndex`; the mini-program ignores
// them (WeChat's own tap handling applies there), so the extras are added only
// outside weapp to keep its setData small.
const onWeb = process.env.TARO_ENV !== 'weapp';

type A11yProps = Record<string, never>;

/** Roles of controls: a div with one of them joins the tab order and is activated from the keyboard. */
export const CONTROL_ROLES = ['button', 'link', 'switch', 'checkbox', 'radio', 'tab', 'menuitem', 'option'];

/**
 * ARIA role; a control role also puts the element in the tab order
 * (installKeyboardActivation makes Enter/Space click it).
 */
export function role(name: string, disabled = false): A11yProps {
  if (!onWeb || !CONTROL_ROLES.includes(name)) return { role: name } as unknown as A11yProps;
  return (disabled ? { role: name, tabIndex: -1, 'aria-disabled': true } : { role: name, tabIndex: 0 }) as unknown as A11yProps;
}

/** A heading for assistive technology: the page title is level 1, card titles level 2. */
export function heading(level: 1 | 2 | 3): A11yProps {
  return { role: 'heading', 'aria-level': level } as unknown as A11yProps;
}

/** A scrollable row that a keyboard can reach and scroll (arrow keys once focused). */
export function scrollRegion(name: string): A11yProps {
  if (!onWeb) return { } as A11yProps;
  return { role: 'region', 'aria-label': name, tabIndex: 0 } as unknown as A11yProps;
}

const NATIVE = new Set(['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT']);

/** Enter activates every control role, Space every one but a link, as native controls do. */
export function keyActivates(el: Element, key: string): boolean {
  if (NATIVE.has(el.tagName)) return false;
  const r = el.getAttribute('role');
  if (!r || !CONTROL_ROLES.includes(r) || el.getAttribute('aria-disabled') === 'true') return false;
  return key === 'Enter' || (key === ' ' && r !== 'link');
}

/**
 * One listener for the whole H5 app: Enter/Space on a focused div control
 * clicks it, so every page's controls work from a keyboard or switch access
 * without each one wiring key handlers. Returns the remover.
 */
export function installKeyboardActivation(doc: Document): () => void {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target;
    if (!(el instanceof Element) || !keyActivates(el, e.key)) return;
    e.preventDefault();
    (el as HTMLElement).click();
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}

const TITLE_SELECTOR = '.card__title, .section-title';

/** Marks what the app renders outside React's typed props: headings and the router's title bar. */
export function markStructure(root: ParentNode): void {
  root.querySelectorAll(TITLE_SELECTOR).forEach((el) => {
    if (el.getAttribute('role')) return;
    el.setAttribute('role', 'heading');
    el.setAttribute('aria-level', '2');
  });
  // Taro's page containers scroll: a keyboard must be able to reach them even when nothing inside is a control.
  root.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
  const bar = root.querySelector('#taro-navigation-bar');
  if (!bar || bar.getAttribute('data-a11y')) return;
  // Taro's H5 title bar: plain divs with icons; make the page title the level-1
  // heading and back/home real buttons with names.
  bar.setAttribute('data-a11y', '1');
  bar.setAttribute('role', 'banner');
  const title = bar.querySelector('.taro-navigation-bar-title');
  title?.setAttribute('role', 'heading');
  title?.setAttribute('aria-level', '1');
  for (const [cls, name] of [
    ['.taro-navigation-bar-back', '返回'],
    ['.taro-navigation-bar-home', '回到首页'],
  ] as const) {
    const btn = bar.querySelector(cls);
    btn?.setAttribute('role', 'button');
    btn?.setAttribute('tabindex', '0');
    btn?.setAttribute('aria-label', name);
    btn?.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }
}

/**
 * H5: card and section titles are level-2 headings on every page (they are
 * Taro Text elements at 100+ call sites, whose props cannot carry a role), and
 * the router's title bar gets names; kept up as pages render.
 */
export function installStructure(doc: Document): () => void {
  if (!doc.body) {
    let undo = () => undefined as void;
    doc.addEventListener('DOMContentLoaded', () => (undo = installStructure(doc)), { once: true });
    return () => undo();
  }
  markStructure(doc);
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // One pass per frame, however many nodes a render adds.
    requestAnimationFrame(() => {
      queued = false;
      markStructure(doc);
    });
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
