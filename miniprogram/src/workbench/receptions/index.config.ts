export default definePageConfig({ navigationBarTitleText: '领导接待日' });
