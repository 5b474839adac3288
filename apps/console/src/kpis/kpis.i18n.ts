import type { PageDictionary } from '../i18n/page-dictionary';

// The page's labels travel in its own lazy chunk, not in the console's first JavaScript (see i18n/page-dictionary.ts).
const en = {
  kpis: {
    title: 'Process KPIs',
    intro:
      "The service level management process's key performance indicators, month by month, each against its goal, measured in the agreement's time zone ({{timeZone}}).",
    filters: 'Filters',
    agreement: 'Agreement',
    year: 'Year',
    noAgreement: 'No agreement in force this year',
    table: 'KPIs per month',
    chart: 'Percentage KPIs of {{agreement}} per month',
    empty: 'No agreement was in force in this year.',
    month: 'Month',
    notMeasured: 'nothing to measure',
    figures: '{{numerator}} of {{denominator}}',
    majorFigures: '{{count}} since 1 January',
    met: { true: 'goal met', false: 'goal missed', null: 'not measured' },
    names: {
      'all-targets-met': 'Targets met',
      'incidents-within-response-target': 'Incident response within SLA',
      'customer-satisfaction': 'Customer satisfaction',
      'complaints-handled': 'Complaints handled',
      'major-incidents-per-year': 'Major incidents',
      'report-timeliness': 'Reports on time',
    },
    goals: {
      'all-targets-met': 'goal 100 % a month',
      'incidents-within-response-target': 'goal 95 %',
      'customer-satisfaction': 'goal 90 % rated 4 or 5 of 5',
      'complaints-handled': 'goal 100 %',
      'major-incidents-per-year': 'goal at most 1 a year',
      'report-timeliness': 'reports due in the month, published by their deadline',
    },
    reports: '{{onTime}} of {{due}} on time',
    reportsLate: '{{late}} late, {{overdue}} overdue, {{open}} not yet due',
    noReports: 'no report due',
  },
};

const zhCN: typeof en = {
  kpis: {
    title: '流程 KPI',
    intro: '服务级别管理流程的关键绩效指标，逐月对照各自目标，按协议时区（{{timeZone}}）计量。',
    filters: '筛选',
    agreement: '协议',
    year: '年份',
    noAgreement: '本年度没有生效的协议',
    table: '每月 KPI',
    chart: '{{agreement}} 每月的百分比类 KPI',
    empty: '本年度没有生效的协议。',
    month: '月份',
    notMeasured: '无可计量的数据',
    figures: '{{denominator}} 项中 {{numerator}} 项',
    majorFigures: '自 1 月 1 日起 {{count}} 起',
    met: { true: '达到目标', false: '未达目标', null: '未计量' },
    names: {
      'all-targets-met': '目标达成',
      'incidents-within-response-target': '事件响应符合 SLA',
      'customer-satisfaction': '客户满意度',
      'complaints-handled': '投诉处理',
      'major-incidents-per-year': '重大事件',
      'report-timeliness': '报告按时',
    },
    goals: {
      'all-targets-met': '目标：每月 100 %',
      'incidents-within-response-target': '目标：95 %',
      'customer-satisfaction': '目标：90 % 评分为 4 或 5 分（满分 5 分）',
      'complaints-handled': '目标：100 %',
      'major-incidents-per-year': '目标：每年至多 1 起',
      'report-timeliness': '当月到期的报告，在截止时间前发布',
    },
    reports: '{{due}} 份中 {{onTime}} 份按时',
    reportsLate: '迟交 {{late}} 份，逾期 {{overdue}} 份，未到期 {{open}} 份',
    noReports: '没有到期的报告',
  },
};

export const kpisDictionary: PageDictionary<typeof en> = { en, 'zh-CN': zhCN };
