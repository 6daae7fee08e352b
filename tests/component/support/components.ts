// `@tarojs/components` for component tests: the H5 React implementations,
// imported file by file (the package root hits a circular import).
export { default as View } from '@tarojs/components-react/dist/components/view/index.js';
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js';
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js';
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js';
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js';
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js';

import { createElement } from 'react';

/** The H5 set has no React Textarea (the app's is a web component): a plain <textarea> speaking Taro's onInput. */
export function Textarea(p: {
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  'aria-label'?: string;
  onInput?: (e: { detail: { value: string } }) => void;
}) {
  return createElement('textarea', {
    className: p.className,
    value: p.value,
    placeholder: p.placeholder,
    maxLength: p.maxlength,
    'aria-label': p['aria-label'],
    onChange: (e: { target: { value: string } }) => p.onInput?.({ detail: { value: e.target.value } }),
  });
}
