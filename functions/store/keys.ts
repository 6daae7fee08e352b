// Every key template of the single table, in one place. The README's
// access-pattern table mirrors this file. The counters' scopes (`COUNTY`,
// `DEPT#<id>` …) and the demand queues are built in domain/scopes.ts (the rules count by them).

/** Sort-key prefixes of items that share their partition with others (a Query's `begins_with`, telling items apart). */
export const skPrefix = {
  region: 'REGION#', department: 'DEPT#', service: 'SERVICE#', event: 'EVENT#', ticket: 'TICKET#', message: 'MSG#',
  reach: 'REACH#', apology: 'APOLOGY#', apologyCount: 'COUNT#', certificate: 'CERT#', contact: 'CONTACT#',
} as const;

export const key = {
  region: (code: string) => ({ pk: 'REGIONS', sk: `${skPrefix.region}${code}` }),
  regionsPartition: 'REGIONS',
  department: (id: string) => ({ pk: 'DEPARTMENTS', sk: `${skPrefix.department}${id}` }),
  departmentsPartition: 'DEPARTMENTS',
  service: (code: string) => ({ pk: 'CATALOG', sk: `${skPrefix.service}${code}` }),
  catalogPartition: 'CATALOG',
  /** How often an item was used at one place (a booking there) or online (`ONLINE`, an application): ADDed in that transaction; one row per item and place so bookings elsewhere never contend on it. */
  serviceUse: (code: string, where: string) => ({ pk: 'CATALOG', sk: `USE#${code}#${where}` }),
  serviceUsesPrefix: (code?: string) => (code ? `USE#${code}#` : 'USE#'),
  /** GSI1: the items of one department. */
  serviceByDepartment: (departmentId: string, code: string) => ({ gsi1pk: `DEPT#${departmentId}#SERVICES`, gsi1sk: `SERVICE#${code}` }),
  servicePoint: (id: string) => ({ pk: 'POINTS', sk: `POINT#${id}` }),
  pointsPartition: 'POINTS',
  /** GSI1: the service points of one region. */
  pointByRegion: (regionCode: string, id: string) => ({ gsi1pk: `REGION#${regionCode}#POINTS`, gsi1sk: `POINT#${id}` }),
  rovingDay: (id: string) => ({ pk: 'ROVING', sk: `ROVING#${id}` }),
  rovingPartition: 'ROVING',
  staff: (username: string) => ({ pk: `STAFF#${username}`, sk: 'PROFILE' }),
  /** Failed staff logins of one username in the current window (expires by `ttl`). */
  loginFailures: (username: string) => ({ pk: `LOGINFAIL#${username}`, sk: 'COUNTER' }),
  resident: (id: string) => ({ pk: `RESIDENT#${id}`, sk: 'PROFILE' }),
  /** Uniqueness guard: one resident per WeChat openid. */
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'OPENID' }),
  /** GSI1: the households a cadre is paired with. */
  residentByCadre: (username: string, residentId: string) => ({ gsi1pk: `CADRE#${username}#RESIDENTS`, gsi1sk: `RESIDENT#${residentId}` }),
  /** A resident's account deletion (PIPL): scheduled, then done; outlives the profile so a second request is refused. */
  accountDeletion: (residentId: string) => ({ pk: `RESIDENT#${residentId}`, sk: 'DELETION' }),
  /** GSI2 (sparse, while scheduled): deletions not yet carried out, by their 15-day limit (the daily sweep finishes them). */
  deletionDue: (dueBy: string, residentId: string) => ({ gsi2pk: 'DELETIONS#DUE', gsi2sk: `${dueBy}#${residentId}` }),
  deletionsDuePartition: 'DELETIONS#DUE',
  /** Audit of exports and deletions of personal data, newest last. */
  privacyAudit: (at: string, id: string) => ({ pk: 'AUDIT#PRIVACY', sk: `${at}#${id}` }),
  privacyAuditPartition: 'AUDIT#PRIVACY',
  /** Each time staff saw a phone or ID number in full (the supervisor's log), newest last. */
  fullView: (at: string, id: string) => ({ pk: 'AUDIT#FULLVIEW', sk: `${at}#${id}` }),
  fullViewsPartition: 'AUDIT#FULLVIEW',
  leader: (order: number, id: string) => ({ pk: 'DIRECTORY', sk: `LEADER#${String(order).padStart(3, '0')}#${id}` }),
  directoryPartition: 'DIRECTORY',
  calendarYear: (year: number) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
  calendarPartition: 'CALENDAR',
  /** Booked counter, capacity override and closure of one slot of a place. */
  slot: (placeId: string, date: string, hhmm: string) => ({ pk: `PLACE#${placeId}`, sk: `SLOT#${date}#${hhmm}` }),
  placeSlots: (placeId: string) => `PLACE#${placeId}`,
  /** The sort-key range of a place's slots from one date to another (inclusive). */
  slotsBetween: (from: string, to: string) => ({ from: `SLOT#${from}`, to: `SLOT#${to}#9999` }),
  /** The place's log of closings and reopenings, by day (beside its slot counters, outside their SLOT# range). */
  placeLog: (placeId: string, date: string, at: string) => ({ pk: `PLACE#${placeId}`, sk: `LOG#${date}#${at}` }),
  placeLogPrefix: (date: string) => `LOG#${date}#`,
  appointment: (id: string) => ({ pk: `APPT#${id}`, sk: 'APPT' }),
  /** GSI1: a resident's appointments by date. */
  appointmentByResident: (residentId: string, date: string, start: string, id: string) => ({ gsi1pk: `RESIDENT#${residentId}#APPTS`, gsi1sk: `${date}#${start}#${id}` }),
  /** GSI2: a place's bookings of one day (the staff day list). */
  appointmentByPlaceDay: (placeId: string, date: string, start: string, id: string) => ({ gsi2pk: `PLACEDAY#${placeId}#${date}`, gsi2sk: `${start}#${id}` }),
  /** Guard: one active booking per resident per slot. */
  slotHold: (slotId: string, residentId: string) => ({ pk: `SLOTHOLD#${slotId}`, sk: `RESIDENT#${residentId}` }),
  bookingCode: (code: string) => ({ pk: `APPTCODE#${code}`, sk: 'CODE' }),
  idempotency: (residentId: string, idemKey: string) => ({ pk: `IDEMP#${residentId}#${idemKey}`, sk: 'IDEMP' }),
  /** An application and, in the same partition, its append-only events. */
  application: (id: string) => ({ pk: `APP#${id}`, sk: 'APP' }),
  applicationEvent: (id: string, at: string, seq: number) => ({ pk: `APP#${id}`, sk: `${skPrefix.event}${at}#${String(seq).padStart(2, '0')}` }),
  applicationPartition: (id: string) => `APP#${id}`,
  /** GSI1: a resident's applications, newest last. */
  applicationByResident: (residentId: string, submittedAt: string, id: string) => ({ gsi1pk: `RESIDENT#${residentId}#APPS`, gsi1sk: `${submittedAt}#${id}` }),
  /** GSI2: the proxy cases of an agent. */
  applicationByAgent: (username: string, submittedAt: string, id: string) => ({ gsi2pk: `AGENT#${username}#PROXY`, gsi2sk: `${submittedAt}#${id}` }),
  /** Pointer to an open (not concluded) case: the department queues and the supervisor's view. */
  openApplication: (departmentId: string, id: string) => ({ pk: 'OPENAPPS', sk: `${departmentId}#${id}` }),
  openApplicationsPartition: 'OPENAPPS',
  /** GSI1 on the open pointer of a town-level item's case: the town 便民服务中心's queue. */
  openApplicationByTown: (townCode: string, id: string) => ({ gsi1pk: `TOWN#${townCode}#OPENAPPS`, gsi1sk: id }),
  applicationIdempotency: (residentId: string, idemKey: string) => ({ pk: `IDEMP#APP#${residentId}#${idemKey}`, sk: 'IDEMP' }),
  /** The deadline sweep's daily digest for a department (what its head is told). */
  alertDigest: (departmentId: string, date: string) => ({ pk: `ALERTS#${departmentId}`, sk: `DAY#${date}` }),
  /** What a resident is invited to rate (one per concluded case or attended visit). */
  rateInvite: (targetType: string, targetId: string) => ({ pk: `RATEINVITE#${targetType}#${targetId}`, sk: 'INVITE' }),
  /** GSI1: a resident's pending invitations. */
  rateInviteByResident: (residentId: string, dueOn: string, targetId: string) => ({ gsi1pk: `RESIDENT#${residentId}#TORATE`, gsi1sk: `${dueOn}#${targetId}` }),
  /** GSI2: every pending invitation by its last day (the default-rating sweep). */
  rateInviteByDue: (dueOn: string, targetType: string, targetId: string) => ({ gsi2pk: 'RATEDUE', gsi2sk: `${dueOn}#${targetType}#${targetId}` }),
  rateDuePartition: 'RATEDUE',
  /** The one rating of a case or visit. */
  rating: (targetType: string, targetId: string) => ({ pk: `RATING#${targetType}#${targetId}`, sk: 'RATING' }),
  /** GSI1: a resident's ratings, newest last. */
  ratingByResident: (residentId: string, ratedAt: string, targetId: string) => ({ gsi1pk: `RESIDENT#${residentId}#RATINGS`, gsi1sk: `${ratedAt}#${targetId}` }),
  ratingIdempotency: (residentId: string, idemKey: string) => ({ pk: `IDEMP#RATE#${residentId}#${idemKey}`, sk: 'IDEMP' }),
  /** Satisfaction counters: one partition per period (`M#2026-11`, `Y#2026`), one item per scope (`COUNTY`, `DEPT#…`, `STAFF#…`, `TOWN#…`). */
  satisfaction: (period: string, scope: string) => ({ pk: `SAT#${period}`, sk: scope }),
  satisfactionPartition: (period: string) => `SAT#${period}`,
  /** Rectification tickets, county-wide in one partition; ids sort by time. */
  ticket: (id: string) => ({ pk: 'TICKETS', sk: `${skPrefix.ticket}${id}` }),
  ticketsPartition: 'TICKETS',
  /** GSI1: a department's tickets, oldest first. */
  ticketByDepartment: (departmentId: string, id: string) => ({ gsi1pk: `DEPT#${departmentId}#TICKETS`, gsi1sk: id }),
  /** GSI2 (sparse, removed when finished): unfinished tickets by deadline. */
  openTicket: (dueOn: string | null, id: string) => ({ gsi2pk: 'TICKETS#OPEN', gsi2sk: `${dueOn ?? '9999-12-31'}#${id}` }),
  openTicketsPartition: 'TICKETS#OPEN',
  /** A demand (诉求) and, in the same partition, its append-only events. */
  demand: (id: string) => ({ pk: `DEMAND#${id}`, sk: 'DEMAND' }),
  demandEvent: (id: string, at: string, seq: number) => ({ pk: `DEMAND#${id}`, sk: `${skPrefix.event}${at}#${String(seq).padStart(2, '0')}` }),
  demandPartition: (id: string) => `DEMAND#${id}`,
  /** GSI1: a resident's demands, newest last. */
  demandByReporter: (residentId: string, filedAt: string, id: string) => ({ gsi1pk: `RESIDENT#${residentId}#DEMANDS`, gsi1sk: `${filedAt}#${id}` }),
  demandsOfReporter: (residentId: string) => `RESIDENT#${residentId}#DEMANDS`,
  /** GSI2 (sparse): a replied demand by its last day to evaluate, a paused one by its auto-resume day. */
  demandDue: (kind: 'EVAL' | 'RESUME', dueOn: string, id: string) => ({ gsi2pk: `DEMANDDUE#${kind}`, gsi2sk: `${dueOn}#${id}` }),
  demandDuePartition: (kind: 'EVAL' | 'RESUME') => `DEMANDDUE#${kind}`,
  /** Pointer to an open demand in its queue: `INTAKE`, `RETURNED` or `DEPT#<id>`. */
  openDemand: (bucket: string, id: string) => ({ pk: 'DEMANDS#OPEN', sk: `${bucket}#${id}` }),
  openDemandsPartition: 'DEMANDS#OPEN',
  /** Open demands of a domain by filing time: merge candidates of the last 12 weeks. */
  demandByDomain: (domain: string, filedAt: string, id: string) => ({ pk: `DEMANDS#DOMAIN#${domain}`, sk: `${filedAt}#${id}` }),
  demandsOfDomain: (domain: string) => `DEMANDS#DOMAIN#${domain}`,
  /** Demands the sweep closed by default (the supervisor's list). */
  defaultClosedDemand: (closedAt: string, id: string) => ({ pk: 'DEMANDS#DEFAULTED', sk: `${closedAt}#${id}` }),
  defaultClosedDemandsPartition: 'DEMANDS#DEFAULTED',
  /** Public demands (not anonymous, not 举报) by filing time: the Open311 feed's date window, newest first. */
  publicDemand: (filedAt: string, id: string) => ({ pk: 'DEMANDS#PUBLIC', sk: `${filedAt}#${id}` }),
  publicDemandsPartition: 'DEMANDS#PUBLIC',
  demandIdempotency: (owner: string, idemKey: string) => ({ pk: `IDEMP#DEMAND#${owner}#${idemKey}`, sk: 'IDEMP' }),
  /** Demand counters: one partition per month (`DSTAT#M#2026-11`), one item per scope (`COUNTY`, `DEPT#…`, `TOWN#…`). */
  demandStats: (month: string, scope: string) => ({ pk: `DSTAT#M#${month}`, sk: scope }),
  demandStatsPartition: (month: string) => `DSTAT#M#${month}`,
  /** The admin's demand limits and routing rules. */
  demandLimits: { pk: 'CONFIG', sk: 'DEMAND_LIMITS' },
  /** A complaint under investigation or decided (one per demand), all in one partition; GSI1: those naming a staff member. */
  complaint: (demandId: string) => ({ pk: 'COMPLAINTS', sk: `COMPLAINT#${demandId}` }),
  complaintsPartition: 'COMPLAINTS',
  complaintOfStaff: (username: string, openedAt: string, demandId: string) => ({ gsi1pk: `STAFF#${username}#COMPLAINTS`, gsi1sk: `${openedAt}#${demandId}` }),
  complaintsOfStaff: (username: string) => `STAFF#${username}#COMPLAINTS`,
  /** A person's accountability ladder: every valid complaint with the actions it owes. */
  ladder: (username: string) => ({ pk: 'LADDER', sk: `STAFF#${username}` }),
  laddersPartition: 'LADDER',
  /** A department's valid complaints of a calendar year (the count that decides the apology) and its apologies. */
  apologyCount: (year: string, departmentId: string) => ({ pk: 'APOLOGIES', sk: `${skPrefix.apologyCount}${year}#${departmentId}` }),
  apology: (id: string) => ({ pk: 'APOLOGIES', sk: `${skPrefix.apology}${id}` }),
  apologiesPartition: 'APOLOGIES',
  /** Answered questions staff curated from replies (知识库). */
  knowledge: (id: string) => ({ pk: 'KNOWLEDGE', sk: `QA#${id}` }),
  knowledgePartition: 'KNOWLEDGE',
  /** GSI1: the proxy agents of a town. */
  agentByTown: (townCode: string, username: string) => ({ gsi1pk: `TOWN#${townCode}#AGENTS`, gsi1sk: username }),
  /** A push waiting for, or done with, WeChat (deterministic id from its cause). */
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  /** GSI2 (sparse): rows due by time, in a few shards so a big fan-out does not heat one partition; removed when final. */
  outboxDue: (shard: number, dueAt: string, id: string) => ({ gsi2pk: `OUTBOX#DUE#${shard}`, gsi2sk: `${dueAt}#${id}` }),
  outboxDuePartition: (shard: number) => `OUTBOX#DUE#${shard}`,
  /** GSI2: dead pushes by time (the admin's alert list). */
  outboxDead: (at: string, id: string) => ({ gsi2pk: 'OUTBOX#DEAD', gsi2sk: `${at}#${id}` }),
  outboxDeadPartition: 'OUTBOX#DEAD',
  /** Subscribe-message consent of a recipient (`RESIDENT#<id>` or `STAFF#<username>`): credits and long-term flags per template. */
  consent: (owner: string) => ({ pk: owner, sk: 'SUBSCRIPTIONS' }),
  /** The owner of a push recipient's consent: their profile's partition. */
  recipientOwner: (r: { kind: 'resident'; id: string } | { kind: 'staff'; username: string }) => (r.kind === 'resident' ? `RESIDENT#${r.id}` : `STAFF#${r.username}`),
  /** A resident's in-app inbox, newest last; the unread counter beside it. */
  inboxMessage: (residentId: string, messageId: string) => ({ pk: `INBOX#${residentId}`, sk: `${skPrefix.message}${messageId}` }),
  inboxPartition: (residentId: string) => `INBOX#${residentId}`,
  inboxCounter: (residentId: string) => ({ pk: `INBOX#${residentId}`, sk: 'COUNTER' }),
  /** Region index of residents (notice targeting, no Scan): one entry per region a resident lives in or comes from, partitioned by town. */
  regionResident: (regionCode: string, residentId: string) => ({ pk: `REGIONRES#${regionCode.slice(0, 9)}`, sk: `${regionCode}#${residentId}` }),
  regionResidentsPartition: (townOrCounty: string) => `REGIONRES#${townOrCounty.slice(0, 9)}`,
  /** A notice's fan-out: its progress (cursor) and, while unfinished, its place in the due index (GSI2). */
  fanout: (noticeId: string) => ({ pk: `NOTICE#${noticeId}`, sk: 'FANOUT' }),
  fanoutDue: (dueAt: string, noticeId: string) => ({ gsi2pk: 'FANOUT#DUE', gsi2sk: `${dueAt}#${noticeId}` }),
  fanoutDuePartition: 'FANOUT#DUE',
  /** A withdrawn notice's retraction, beside its fan-out: same due index, its own progress. */
  retraction: (noticeId: string) => ({ pk: `NOTICE#${noticeId}`, sk: 'FANOUT#RETRACT' }),
  /** GSI1 on a notice's inbox entries (sparse): the rows a withdrawal retracts, a page at a time. */
  inboxByNotice: (noticeId: string, residentId: string) => ({ gsi1pk: `NOTICEINBOX#${noticeId}`, gsi1sk: residentId }),
  inboxByNoticePartition: (noticeId: string) => `NOTICEINBOX#${noticeId}`,
  /** Notices by time (the staff list), one partition: a county publishes a few a day. */
  noticeByTime: (createdAt: string, id: string) => ({ gsi1pk: 'NOTICES', gsi1sk: `${createdAt}#${id}` }),
  noticesPartition: 'NOTICES',
  /** Birth index: residents by birth month (`BIRTH#MM`), sorted by birth date (proactive reminders of who turns 70 or 80). */
  residentByBirth: (birthDate: string, residentId: string) => ({ pk: `BIRTH#${birthDate.slice(5, 7)}`, sk: `${birthDate}#${residentId}` }),
  /** GSI2 on a staff item: the department heads who bound WeChat (the morning digest's pushes). */
  boundHead: (departmentId: string, username: string) => ({ gsi2pk: `DEPT#${departmentId}#HEADS`, gsi2sk: username }),
  /** A notice's reach counters, in a few shards beside it (ADDed by the fan-out, the sender and read receipts). */
  noticeReach: (id: string, shard: number) => ({ pk: `NOTICE#${id}`, sk: `${skPrefix.reach}${shard}` }),
  /** A certificate or benefit a resident holds (one per kind: a renewal overwrites it). */
  certificate: (residentId: string, certificate: string) => ({ pk: `RESIDENT#${residentId}`, sk: `${skPrefix.certificate}${certificate}` }),
  /** GSI2 on a certificate: by the month it ends, then its end date (the renewal reminders' Query). */
  certificateByEnd: (endsOn: string, certificate: string, residentId: string) => ({ gsi2pk: `CERTEND#${endsOn.slice(0, 7)}`, gsi2sk: `${endsOn}#${certificate}#${residentId}` }),
  certificateEndPartition: (month: string) => `CERTEND#${month}`,
  /** A notice (政策通知); its fan-out row and reach shards share its partition. */
  notice: (id: string) => ({ pk: `NOTICE#${id}`, sk: 'NOTICE' }),
  /** A service-commitment card (承诺卡) with its commitments and their progress; its ratings share the partition. */
  card: (id: string) => ({ pk: `CARD#${id}`, sk: 'CARD' }),
  /** GSI1: the cards of one owner (`STAFF#<username>` for a cadre's, `DEPT#<id>` for a department's); ids sort by time. */
  cardByOwner: (owner: string, id: string) => ({ gsi1pk: `CARDS#${owner}`, gsi1sk: id }),
  cardsOfOwner: (owner: string) => `CARDS#${owner}`,
  /** GSI2: every card by time (the supervisor's list). */
  cardByTime: (id: string) => ({ gsi2pk: 'CARDS', gsi2sk: id }),
  cardsPartition: 'CARDS',
  /** The cards about a village or town, partitioned by town: a village's page reads its prefix, a town's the whole partition. */
  cardByRegion: (regionCode: string, id: string) => ({ pk: `CARDREGION#${regionCode.slice(0, 9)}`, sk: `${regionCode}#${id}` }),
  cardsOfTown: (regionCode: string) => `CARDREGION#${regionCode.slice(0, 9)}`,
  /** Pointer to an open commitment by deadline (overdue = sort key before today); deleted when done. */
  openCommitment: (dueOn: string | null, id: string, n: number) => ({ pk: 'COMMITMENTS#OPEN', sk: `${dueOn ?? '9999-12-31'}#${id}#${n}` }),
  openCommitmentsPartition: 'COMMITMENTS#OPEN',
  /** One resident's rating of one finished commitment, and the card's running level counters (`n<n>_l<level>`). */
  commitmentRating: (id: string, n: number, residentId: string) => ({ pk: `CARD#${id}`, sk: `RATING#${n}#${residentId}` }),
  commitmentRatingCounts: (id: string) => ({ pk: `CARD#${id}`, sk: 'RATINGS' }),
  cardIdempotency: (username: string, idemKey: string) => ({ pk: `IDEMP#CARD#${username}#${idemKey}`, sk: 'IDEMP' }),
  /** A 包联 household; its contacts and month markers share its partition. */
  household: (id: string) => ({ pk: `HOUSEHOLD#${id}`, sk: 'HOUSEHOLD' }),
  householdPartition: (id: string) => `HOUSEHOLD#${id}`,
  /** GSI1: a cadre's households by village and group. */
  householdByCadre: (username: string, regionCode: string, id: string) => ({ gsi1pk: `CADRE#${username}#HOUSEHOLDS`, gsi1sk: `${regionCode}#${id}` }),
  householdsOfCadre: (username: string) => `CADRE#${username}#HOUSEHOLDS`,
  /** One contact (visit, phone, WeChat) with a household, by time. */
  householdContact: (id: string, at: string, contactId: string) => ({ pk: `HOUSEHOLD#${id}`, sk: `${skPrefix.contact}${at}#${contactId}` }),
  /** Marker: the household was contacted in a month (counts it once), and a must-visit household visited in person. */
  householdMonth: (id: string, month: string) => ({ pk: `HOUSEHOLD#${id}`, sk: `MONTH#${month}` }),
  householdVisit: (id: string, month: string) => ({ pk: `HOUSEHOLD#${id}`, sk: `VISIT#${month}` }),
  householdIdempotency: (username: string, idemKey: string) => ({ pk: `IDEMP#HOUSEHOLD#${username}#${idemKey}`, sk: 'IDEMP' }),
  contactIdempotency: (username: string, idemKey: string) => ({ pk: `IDEMP#CONTACT#${username}#${idemKey}`, sk: 'IDEMP' }),
  /** A resident's household (the one their paired cadre contacts). */
  householdOfResident: (residentId: string) => ({ pk: `RESIDENT#${residentId}`, sk: 'HOUSEHOLD' }),
  /** 包联 coverage counters: one partition per month, one item per scope (`COUNTY`, `TOWN#…`, `VILLAGE#…`, `CADRE#…`). */
  coverage: (month: string, scope: string) => ({ pk: `COVERAGE#M#${month}`, sk: scope }),
  coveragePartition: (month: string) => `COVERAGE#M#${month}`,
  /** Households and must-visit households per scope, with the scope's name (the register). */
  coverageBase: (scope: string) => ({ pk: 'COVERAGE#BASE', sk: scope }),
  coverageBasePartition: 'COVERAGE#BASE',
  /** A resident's 未联系 report: one per month. */
  noContactReport: (month: string, residentId: string) => ({ pk: `NOCONTACT#${month}`, sk: `RESIDENT#${residentId}` }),
  noContactPartition: (month: string) => `NOCONTACT#${month}`,
  /** A leader's reception days (领导接待日), one item per receiving department head; one partition, read whole. */
  reception: (hostUsername: string) => ({ pk: 'RECEPTIONS', sk: `RECEPTION#${hostUsername}` }),
  receptionsPartition: 'RECEPTIONS',
  /** GSI1 on a window clerk's or head's staff item: the posts of a place's region (AB routing, the desk's status). */
  postOfRegion: (regionCode: string, unit: string, username: string) => ({ gsi1pk: `POSTS#${regionCode}`, gsi1sk: `${unit}#${username}` }),
  postsOfRegion: (regionCode: string) => `POSTS#${regionCode}`,
  /** A staff member marked absent for a day; the day's absences share a partition. */
  absence: (date: string, username: string) => ({ pk: `ABSENT#${date}`, sk: `STAFF#${username}` }),
  absencesOfDay: (date: string) => `ABSENT#${date}`,
  /** GSI1 on an absence: the absences of a region's posts by date (the AB岗 page's upcoming list). */
  absenceOfRegion: (regionCode: string, date: string, username: string) => ({ gsi1pk: `ABSENCES#${regionCode}`, gsi1sk: `${date}#${username}` }),
};
