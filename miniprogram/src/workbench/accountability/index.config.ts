export default definePageConfig({ navigationBarTitleText: '投诉核查与问责' });
