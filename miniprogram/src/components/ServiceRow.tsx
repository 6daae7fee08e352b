import { Text, View } from '@tarojs/components';
import { role } from '../utils/a11y';
import { HANDLING_LEVEL_LABELS, ITEM_TYPE_LABELS } from '../../../shared/enums';
import type { ServiceSummary } from '../../../shared/schemas/catalog';
import { formatPromise, formatVisits } from '../utils/format';

/** One catalogue row. */
export function ServiceRow({ item, onClick }: { item: ServiceSummary; onClick: () => void }) {
  return (
    <View className='card service-row' onClick={onClick} {...role('link')}>
      <Text className='service-row__name'>{item.name}</Text>
      <Text className='service-row__dept'>{item.departmentName}</Text>
      <View className='service-row__meta'>
        <Text className={item.type === 'instant' ? 'badge badge--green' : 'badge badge--blue'}>{ITEM_TYPE_LABELS[item.type]}</Text>
        <Text className='service-row__limit'>{formatPromise(item.type, item.promisedDays)}</Text>
        <Text className='service-row__limit'>{formatVisits(item.visits)}</Text>
      </View>
      <Text className='service-row__level'>办理层级：{HANDLING_LEVEL_LABELS[item.handlingLevel]}</Text>
      {item.appointment || item.online || item.proxy ? (
        <View className='service-row__badges'>
          {item.appointment ? <Text className='badge badge--outline'>可预约</Text> : null}
          {item.online ? <Text className='badge badge--outline'>可网办</Text> : null}
          {item.proxy ? <Text className='badge badge--orange'>可代办</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
