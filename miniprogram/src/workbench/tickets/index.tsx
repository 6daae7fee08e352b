// 差评整改 (staff workbench, ratings).
import { Page } from '../../components/Page';
import { Loading } from '../../components/States';

export default function Placeholder() {
  return (
    <Page>
      <Loading />
    </Page>
  );
}
