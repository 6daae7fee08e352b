// What the rating page knows of its target: the service name, the reference
// and the proxy agent (from the link, completed by the resident's invitation),
// and the resident's earlier rating of it. Loading it is only a convenience:
// the form works without it.
import { useEffect, useRef, useState } from 'react';
import type { Rating } from '../../../../shared/schemas/ratings';
import { myRatings } from '../../api/ratings';
import type { Target } from './form';

export interface RateTargetInfo {
  loading: boolean;
  title: string;
  reference: string;
  agent: string;
  /** The resident also rates a proxy agent (the server may say so on a 400 too). */
  hasAgent: boolean;
  earlier: Rating | null;
}

export function useRateTarget(
  targetType: Target,
  targetId: string,
  fromLink: { title: string; reference: string; agent: string },
  enabled: boolean,
  /** Called with the earlier rating in the same update that shows it (the form fills without a flash). */
  onEarlier: (r: Rating) => void,
): RateTargetInfo & { askAboutAgent: () => void } {
  const latest = useRef(onEarlier);
  latest.current = onEarlier;
  const [info, setInfo] = useState<RateTargetInfo>(() => ({ loading: enabled, ...fromLink, hasAgent: fromLink.agent !== '', earlier: null }));

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    myRatings()
      .then((mine) => {
        if (!live) return;
        const invite = mine.pending.find((p) => p.targetType === targetType && p.targetId === targetId);
        const given = mine.ratings.find((r) => r.targetType === targetType && r.targetId === targetId) ?? null;
        const found = invite ?? given;
        if (given) latest.current(given);
        setInfo((i) => ({
          loading: false,
          title: i.title || found?.serviceName || '',
          reference: i.reference || found?.reference || '',
          agent: i.agent || invite?.agentName || given?.agentName || '',
          hasAgent: i.hasAgent || !!invite?.agentName || (given !== null && given.agentLevel !== null),
          earlier: given,
        }));
      })
      .catch(() => live && setInfo((i) => ({ ...i, loading: false })));
    return () => {
      live = false;
    };
  }, [enabled, targetType, targetId]);

  return { ...info, askAboutAgent: () => setInfo((i) => (i.hasAgent ? i : { ...i, hasAgent: true })) };
}
