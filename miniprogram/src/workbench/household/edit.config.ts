export default definePageConfig({ navigationBarTitleText: '包联户信息' });
