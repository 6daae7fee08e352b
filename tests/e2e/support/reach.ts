// Reach checks on an H5 page: axe-core (WCAG 2.1 A and AA) and the MIIT
// 适老化 numbers (visible text ≥ 18 px; targets ≥ 44×44, main ones ≥ 60×60).
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string;
  targets: string[];
}

/** Serious and critical violations of the WCAG 2.1 A/AA rules on what is on screen now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const res = await a.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

export interface ElderNumbers {
  texts: number;
  smallTexts: string[]; // "text (px)" of visible text under 18 px
  targets: number;
  smallTargets: string[]; // under 44×44
  smallMain: string[]; // main functions (primary buttons) under 60×60
}

/** Measures visible text and tap targets (CSS px at the page's viewport). */
export function elderNumbers(page: Page): Promise<ElderNumbers> {
  return page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const out = { texts: 0, smallTexts: [] as string[], targets: 0, smallTargets: [] as string[], smallMain: [] as string[] };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script,style,[aria-hidden="true"]') || !shown(el)) continue;
      out.texts++;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 17.95) out.smallTexts.push(`${text.slice(0, 16)} (${px.toFixed(1)}px)`);
    }
    const sel = 'a[href],button,input:not([type=hidden]),textarea,select,[role=button],[role=link],[role=switch],[role=checkbox],[role=radio],[role=tab]';
    for (const el of Array.from(document.querySelectorAll(sel))) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      const name = `${(el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 16)} (${Math.round(r.width)}×${Math.round(r.height)})`;
      out.targets++;
      if (r.width < 43.5 || r.height < 43.5) out.smallTargets.push(name);
      if (el.matches('.btn--primary') && (r.width < 59.5 || r.height < 59.5)) out.smallMain.push(name);
    }
    return out;
  });
}
