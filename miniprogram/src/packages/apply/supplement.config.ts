export default definePageConfig({ navigationBarTitleText: '补齐材料' });
