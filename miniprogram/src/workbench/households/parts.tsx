// 包联 parts shared by the list, the household page and the coverage page.
import { Text, View } from '@tarojs/components';
import {
  CONTACT_KIND_LABELS, CONTACT_LIGHT_LABELS, CONTACT_OCCASION_LABELS, HOUSEHOLD_TAG_LABELS, MUST_VISIT_TAGS,
  type ContactLight, type HouseholdSummary, type LastContact,
} from '../../../../shared/schemas/households';
import { shanghaiDate } from '../../utils/format';

const LIGHT_CLASS: Record<ContactLight, string> = { done: 'badge badge--green', due: 'badge badge--orange', overdue: 'badge badge--red' };

export function ContactLightBadge({ light }: { light: ContactLight }) {
  return (
    <Text className={LIGHT_CLASS[light]} data-light={light}>
      {CONTACT_LIGHT_LABELS[light]}
    </Text>
  );
}

/** Must-visit kinds (五必访) stand out; other tags are plain. */
export function TagBadges({ tags }: { tags: HouseholdSummary['tags'] }) {
  return (
    <View className='household__tags'>
      {tags.map((t) => (
        <Text key={t} className={(MUST_VISIT_TAGS as readonly string[]).includes(t) ? 'badge badge--blue' : 'badge badge--gray'}>
          {HOUSEHOLD_TAG_LABELS[t]}
        </Text>
      ))}
    </View>
  );
}

export const lastContactText = (c: LastContact | null): string =>
  c ? `${shanghaiDate(c.at)} ${CONTACT_KIND_LABELS[c.kind]} · ${CONTACT_OCCASION_LABELS[c.occasion]}` : '尚无联系记录';
