export default definePageConfig({ navigationBarTitleText: '包联覆盖' });
