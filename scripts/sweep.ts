// npm run sweep: run the daily deadline, default-rating, demand and account-deletion sweeps and the proactive reminders once against the local stack
// (`npm start` must be running), as the scheduled function does when deployed.
process.env.AWS_ENDPOINT_URL_DYNAMODB ??= 'http://127.0.0.1:8000';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_REGION ??= 'cn-northwest-1';
process.env.TABLE_NAME ??= 'banshi-dev';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

Promise.all([import('../functions/jobs/deadline-sweep'), import('../functions/jobs/rating-sweep'), import('../functions/jobs/demand-sweep')])
  .then(async ([{ sweepDeadlines }, { sweepDefaultRatings }, { sweepDemands }]) => {
    const digests = await sweepDeadlines();
    for (const d of digests) {
      console.log(`${d.departmentId}: 超期 ${d.red.length}，临期 ${d.yellow.length}，视为受理 ${d.deemedAccepted.length}`);
    }
    console.log(`电子监察完成：${digests.length} 个部门`);
    const defaults = await sweepDefaultRatings();
    console.log(`默认评价：记录 ${defaults.recorded} 条`);
    const demands = await sweepDemands();
    console.log(`诉求：默认办结 ${demands.defaultClosed} 件，恢复计时 ${demands.resumed} 件`);
    const { runProactive } = await import('../functions/jobs/proactive');
    const reminders = await runProactive();
    console.log(`主动服务：新提醒 ${reminders.written} 条（今年已提醒 ${reminders.already} 条）`);
    const { remindTomorrow } = await import('../functions/jobs/booking-reminders');
    const booked = await remindTomorrow();
    console.log(`明日预约提醒：新提醒 ${booked.written} 条`);
    const { sweepDeletions } = await import('../functions/jobs/deletion-sweep');
    const deleted = await sweepDeletions();
    console.log(`注销账号：补做 ${deleted.done} 件`);
  })
  .catch((err) => {
    console.error('电子监察失败：', err instanceof Error ? err.message : err);
    process.exit(1);
  });
