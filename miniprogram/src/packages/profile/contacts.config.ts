export default definePageConfig({ navigationBarTitleText: '联系干部' });
