import type { PageDictionary } from '../i18n/page-dictionary';

// The page's labels travel in its own lazy chunk, not in the console's first JavaScript (see i18n/page-dictionary.ts).
const en = {
  queue: {
    title: 'Live SLA queue',
    intro:
      "Every open clock, most urgent first: breached, then by the business time left to its next at-risk or breach instant on the ticket's own calendar, paused last. Refreshed every few seconds; as of {{asOf}}.",
    filters: 'Filters',
    customer: 'Customer',
    allCustomers: 'All customers',
    agreement: 'Agreement',
    allAgreements: 'All agreements',
    priority: 'Priority',
    allPriorities: 'All priorities',
    summary: 'Open clocks by state',
    total: 'Open clocks',
    clocks: 'Open clocks, most urgent first',
    empty: 'No open clock matches: nothing to watch.',
    state: { running: 'Running', 'at-risk': 'At risk', breached: 'Breached', paused: 'Paused' },
    metric: { response: 'Response', resolution: 'Resolution' },
    next: { 'at-risk': 'At risk', breach: 'Breach' },
    columns: {
      ticket: 'Ticket',
      customer: 'Customer / agreement',
      service: 'Service',
      priority: 'Priority',
      clock: 'Clock',
      state: 'State',
      next: 'Next instant (time zone)',
      left: 'Time left',
    },
    businessLeft: '{{duration}} of business time',
    countdown: 'in {{countdown}} on the clock',
    reached: 'reached',
    overTarget: '{{duration}} past the target',
    pausedLeft: '{{duration}} left once resumed',
    none: 'none ahead',
    noTarget: 'no target',
    live: 'Live',
  },
};

const zhCN: typeof en = {
  queue: {
    title: '实时 SLA 队列',
    intro:
      '所有未停止的计时，最紧急的在前：先是已违约的，再按工单日历计算到下一个风险或违约时刻的剩余工作时间排序，暂停的在最后。每隔几秒刷新；截至 {{asOf}}。',
    filters: '筛选',
    customer: '客户',
    allCustomers: '全部客户',
    agreement: '协议',
    allAgreements: '全部协议',
    priority: '优先级',
    allPriorities: '全部优先级',
    summary: '按状态统计的计时',
    total: '未停止的计时',
    clocks: '未停止的计时（最紧急的在前）',
    empty: '没有符合条件的计时：无需关注。',
    state: { running: '计时中', 'at-risk': '有风险', breached: '已违约', paused: '已暂停' },
    metric: { response: '响应', resolution: '解决' },
    next: { 'at-risk': '进入风险', breach: '违约' },
    columns: {
      ticket: '工单',
      customer: '客户 / 协议',
      service: '服务',
      priority: '优先级',
      clock: '计时',
      state: '状态',
      next: '下一个时刻（时区）',
      left: '剩余时间',
    },
    businessLeft: '工作时间 {{duration}}',
    countdown: '自然时间 {{countdown}} 后',
    reached: '已到达',
    overTarget: '超出目标 {{duration}}',
    pausedLeft: '恢复后剩余 {{duration}}',
    none: '之后没有',
    noTarget: '无目标',
    live: '实时',
  },
};

export const queueDictionary: PageDictionary<typeof en> = { en, 'zh-CN': zhCN };
