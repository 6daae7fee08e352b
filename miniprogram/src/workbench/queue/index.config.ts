export default definePageConfig({ navigationBarTitleText: '部门办件' });
