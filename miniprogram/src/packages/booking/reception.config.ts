export default definePageConfig({ navigationBarTitleText: '预约领导接待' });
