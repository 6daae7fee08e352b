// A confirmation drawn by the page itself, so it follows elder mode and the
// palette (WeChat's own showModal keeps its small type and cannot be scaled).
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useAppState } from '../store/app';
import { role } from '../utils/a11y';
import { Btn } from './Btn';

export interface ConfirmOptions {
  title: string;
  content: string;
  confirmText?: string;
  cancelText?: string;
  danger?: boolean;
}

let nextId = 0;

function ConfirmDialog({ title, content, confirmText = '确定', cancelText = '取消', danger, onAnswer }: ConfirmOptions & { onAnswer: (ok: boolean) => void }) {
  const elder = useAppState((s) => s.elderMode);
  const [id] = useState(() => `confirm-${++nextId}`);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    if (typeof document === 'undefined') return undefined;
    // Focus moves into the dialog and back to what opened it.
    opener.current = document.activeElement;
    document.getElementById(`${id}-cancel`)?.focus();
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, [id]);
  const keys = { onKeyDown: (e: { key: string }) => e.key === 'Escape' && onAnswer(false) } as unknown as Record<string, never>;
  return (
    <View className={elder ? 'confirm elder' : 'confirm'}>
      <View className='confirm__mask' onClick={() => onAnswer(false)} />
      <View className='confirm__box' {...role('dialog')} aria-modal aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} {...keys}>
        <Text className='confirm__title' id={`${id}-title`}>
          {title}
        </Text>
        <Text className='confirm__text' id={`${id}-text`}>
          {content}
        </Text>
        <View className='confirm__actions'>
          <Btn className='btn btn--ghost' id={`${id}-cancel`} onClick={() => onAnswer(false)}>
            {cancelText}
          </Btn>
          <Btn className={danger ? 'btn btn--danger-solid' : 'btn btn--primary'} onClick={() => onAnswer(true)}>
            {confirmText}
          </Btn>
        </View>
      </View>
    </View>
  );
}

/** `await confirm({...})` resolves true or false; render `dialog` in the page. */
export function useConfirm(): { confirm: (o: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const [open, setOpen] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setOpen({ options, resolve })), []);
  const dialog = open ? (
    <ConfirmDialog
      {...open.options}
      onAnswer={(ok) => {
        setOpen(null);
        open.resolve(ok);
      }}
    />
  ) : null;
  return { confirm, dialog };
}
