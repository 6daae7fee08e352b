import { Button } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import { role } from '../utils/a11y';

/**
 * Taro's Button, a real button for assistive technology in the H5 build
 * (where it renders a div): the role, in the tab order, Enter/Space click it
 * (utils/a11y.ts); disabled leaves the tab order and says so.
 */
export function Btn(props: ButtonProps) {
  return <Button {...role('button', !!props.disabled)} {...props} />;
}
