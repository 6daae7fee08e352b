// The one way a page runs a mutation: one at a time (busy), the outcome as a
// message, a form's own error kept apart, and a 409 (illegal now, or someone
// acted first) closes the form, shows the server's message and reloads the
// record so the page shows it as it is now.
import { useCallback, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../api/errors';

export type ActionMessage = { ok: boolean; text: string } | null;

export interface ActionOptions<T> {
  /** Shown on success (e.g. 已受理); a function sees the result. */
  done?: string | ((result: T) => string);
  /** Where a non-409 error goes: the open form (default) or the page message. */
  errorTo?: 'form' | 'page';
}

export interface Action {
  busy: boolean;
  /** The last outcome, for the page's message line. */
  msg: ActionMessage;
  /** A failure inside an open form (validation, network), kept in the form. */
  formError: string | null;
  setFormError: (text: string | null) => void;
  clear: () => void;
  /** Runs `call` unless one is running; resolves to its result, or undefined on failure. */
  run: <T>(call: () => Promise<T>, options?: ActionOptions<T>) => Promise<T | undefined>;
}

/** `onConflict` runs on a 409 (close the form, reload the record). */
export function useAction(onConflict?: () => void): Action {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<ActionMessage>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // A ref, not state: two taps within one render must not both start.
  const running = useRef(false);

  const run = useCallback(
    async <T,>(call: () => Promise<T>, options: ActionOptions<T> = {}): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setMsg(null);
      setFormError(null);
      try {
        const result = await call();
        const { done } = options;
        if (done) setMsg({ ok: true, text: typeof done === 'function' ? done(result) : done });
        return result;
      } catch (e) {
        const text = errorMessage(e);
        if (isApiError(e) && e.status === 409) {
          setMsg({ ok: false, text });
          onConflict?.();
        } else if (options.errorTo === 'page') {
          setMsg({ ok: false, text });
        } else {
          setFormError(text);
        }
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [onConflict],
  );

  const clear = useCallback(() => {
    setMsg(null);
    setFormError(null);
  }, []);

  return { busy, msg, formError, setFormError, clear, run };
}
