import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { Timeliness } from './report-changes';

// Dark text on antd's light preset backgrounds: AA contrast (≥ 4.5:1) for small text, which the presets miss.
const GREEN = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };
const GOLD = { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' };
const RED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const BLUE = { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' };
const GREY = { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' };

const STATUS_COLOURS: Record<string, typeof GREEN> = { draft: GREY, reviewed: BLUE, approved: GOLD, published: GREEN };
const TIMELINESS_COLOURS: Record<Timeliness, typeof GREEN> = { 'on-time': GREEN, late: RED, overdue: RED, due: GREY };

/** A revision's status, translated (never the API's raw value). */
export function StatusTag({ status, t }: { status: string; t: TFunction }) {
  return (
    <Tag style={STATUS_COLOURS[status] ?? GREY} data-testid="status" data-status={status}>
      {t(`reports.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function TimelinessTag({ timeliness, t }: { timeliness: Timeliness; t: TFunction }) {
  return (
    <Tag style={TIMELINESS_COLOURS[timeliness]} data-testid="timeliness" data-timeliness={timeliness}>
      {t(`reports.timeliness.${timeliness}`)}
    </Tag>
  );
}
