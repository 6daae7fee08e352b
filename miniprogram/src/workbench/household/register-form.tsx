// The household's register fields (户主, 手机, 村组, 家庭成员, 标签), shared by
// 新增包联户 and 编辑: members added and removed in place, tags as chips with
// the five must-visit kinds first. Turned into the request the server parses.
import { Input, Text, View } from '@tarojs/components';
import {
  HOUSEHOLD_TAG_LABELS, HOUSEHOLD_TAGS, MEMBERS_MAX, type HouseholdSummary, type HouseholdTag,
} from '../../../../shared/schemas/households';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { RegionPicker } from '../../components/RegionPicker';
import type { RegionIndex } from '../../utils/regions';

export interface MemberDraft {
  name: string;
  relation: string;
  age: string;
  note: string;
}
export interface RegisterFields {
  headName: string;
  phone: string;
  regionCode: string | null;
  members: MemberDraft[];
  tags: HouseholdTag[];
}

const blankMember = (relation = ''): MemberDraft => ({ name: '', relation, age: '', note: '' });
export const emptyFields = (regionCode: string | null): RegisterFields => ({ headName: '', phone: '', regionCode, members: [blankMember('户主')], tags: [] });

/** The form as the household is now (the phone is not shown in summaries: left empty, it stays as it is). */
export const fieldsOf = (h: HouseholdSummary): RegisterFields => ({
  headName: h.headName, phone: '', regionCode: h.regionCode, tags: [...h.tags],
  members: h.members.map((m) => ({ name: m.name, relation: m.relation, age: m.age === null ? '' : String(m.age), note: m.note ?? '' })),
});

/** The body's register part: empty age, note and phone are "not given". */
export const registerBody = (f: RegisterFields) => ({
  headName: f.headName, regionCode: f.regionCode ?? '', tags: f.tags,
  ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
  members: f.members.map((m) => ({ name: m.name, relation: m.relation, age: m.age.trim() === '' ? null : Number(m.age), note: m.note.trim() || null })),
});

export function RegisterForm({ value: f, index, onChange }: { value: RegisterFields; index: RegionIndex; onChange: (f: RegisterFields) => void }) {
  const set = (patch: Partial<RegisterFields>) => onChange({ ...f, ...patch });
  const setMember = (i: number, patch: Partial<MemberDraft>) => set({ members: f.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const toggle = (t: HouseholdTag) => set({ tags: f.tags.includes(t) ? f.tags.filter((x) => x !== t) : HOUSEHOLD_TAGS.filter((x) => x === t || f.tags.includes(x)) });
  return (
    <View className='card'>
      <Text className='field__label'>户主姓名</Text>
      <Input className='field__input' maxlength={20} value={f.headName} aria-label='户主姓名' onInput={(e) => set({ headName: e.detail.value })} />
      <Text className='field__label'>联系电话（选填）</Text>
      <Input className='field__input' type='number' maxlength={11} value={f.phone} aria-label='联系电话' onInput={(e) => set({ phone: e.detail.value })} />
      <RegionPicker label='所在村组' index={index} value={f.regionCode} onChange={(regionCode) => set({ regionCode })} />
      <Text className='section-title'>家庭成员</Text>
      {f.members.map((m, i) => (
        <View key={i} className='household__member' aria-label={`第${i + 1}位成员`}>
          <Input className='field__input' maxlength={20} value={m.name} placeholder='姓名' aria-label={`第${i + 1}位成员姓名`} onInput={(e) => setMember(i, { name: e.detail.value })} />
          <Input className='field__input' maxlength={10} value={m.relation} placeholder='与户主关系，如妻子、孙女' aria-label={`第${i + 1}位成员关系`} onInput={(e) => setMember(i, { relation: e.detail.value })} />
          <Input className='field__input' type='number' maxlength={3} value={m.age} placeholder='年龄（选填）' aria-label={`第${i + 1}位成员年龄`} onInput={(e) => setMember(i, { age: e.detail.value })} />
          <Input className='field__input' maxlength={50} value={m.note} placeholder='备注，如外出务工、留守儿童（选填）' aria-label={`第${i + 1}位成员备注`} onInput={(e) => setMember(i, { note: e.detail.value })} />
          {f.members.length > 1 ? (
            <Btn className='btn btn--ghost btn--small' onClick={() => set({ members: f.members.filter((_, j) => j !== i) })}>
              删除{m.name || `第${i + 1}位成员`}
            </Btn>
          ) : null}
        </View>
      ))}
      {f.members.length < MEMBERS_MAX ? (
        <Btn className='btn btn--ghost btn--block' onClick={() => set({ members: [...f.members, blankMember()] })}>
          添加成员
        </Btn>
      ) : null}
      <Text className='field__label'>标签（前五项为五必访）</Text>
      <View className='chips' aria-label='标签'>
        {HOUSEHOLD_TAGS.map((t) => (
          <Chip key={t} on={f.tags.includes(t)} onClick={() => toggle(t)}>
            {HOUSEHOLD_TAG_LABELS[t]}
          </Chip>
        ))}
      </View>
    </View>
  );
}
