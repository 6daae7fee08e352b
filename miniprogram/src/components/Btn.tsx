import { Button } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import { role } from '../utils/a11y';

/** Taro's Button, announced as a button in the H5 build (where it renders a div). */
export function Btn(props: ButtonProps) {
  return <Button {...role('button')} {...props} />;
}
