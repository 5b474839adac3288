import { Alert, Button, Card, Descriptions, Empty, Flex, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../charts/chart';
import { formatDate, formatDuration, formatInstant, formatPercent, formatPeriod, formatTarget } from '../i18n/format';
import { useSearchParams } from '../shell/location';
import {
  calendarDays,
  useAgreementDays,
  useCoveringAgreements,
  useServiceDays,
  useServices,
  type CalendarDay,
  type DayFigures,
} from './availability.queries';
import { addPageDictionary } from '../i18n/page-dictionary';
import { availabilityDictionary } from './availability.i18n';

addPageDictionary(availabilityDictionary);

const YEAR = /^\d{4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const filterLabel = { display: 'inline-flex', alignItems: 'center', gap: 8 } as const;

/**
 * The heat map's bands, worst first. Cells are not text, so they need 3:1 against the white page (WCAG 1.4.11), which
 * every colour here has; the day's figure is in the table and the details as text.
 */
const BANDS = [
  { key: 'below95', lt: 95, color: '#a8071a' },
  { key: 'below99', gte: 95, lt: 99, color: '#d4380d' },
  { key: 'below999', gte: 99, lt: 99.9, color: '#ad6800' },
  { key: 'below100', gte: 99.9, lt: 100, color: '#389e0d' },
  { key: 'full', gte: 100, lte: 100, color: '#135200' },
] as const;
/** Days without service hours (weekends in an office calendar) have no availability: drawn apart, in grey. */
const NO_SERVICE = -1;

/** The figure a day is coloured by: its lowest availability over the versions in force that day. */
function dayValue(day: CalendarDay): number {
  const figures = day.parts.flatMap(({ figures }) =>
    figures.availabilityPercent === null ? [] : [Number(figures.availabilityPercent)],
  );
  return figures.length === 0 ? NO_SERVICE : Math.min(...figures);
}

const sum = (day: CalendarDay, pick: (figures: DayFigures) => number) =>
  day.parts.reduce((total, part) => total + pick(part.figures), 0);

/**
 * The day shown, written into the URL in place: focus moving along the table or the arrow keys walking the heat map
 * should not leave one history step per day passed (a click does add one, through setSearch).
 */
function showDayInPlace(date: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('day', date);
  window.history.replaceState(null, '', `${url.pathname}${url.search}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * A day's downtime in whole minutes, as everywhere in the console; a few seconds down read "under 1 min" rather than
 * "0 min", which would contradict an availability below 100 %.
 */
function downtimeText(milliseconds: number, locale: string, t: TFunction) {
  return milliseconds > 0 && milliseconds < 60_000
    ? t('availability.underAMinute', { duration: formatDuration(60_000, locale) })
    : formatDuration(milliseconds, locale);
}

/** The calendar day a number of days from another (plain dates, no zone). */
function shiftDate(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

function yearChoices(selected: string) {
  const current = new Date().getFullYear();
  const years = new Set([selected, ...Array.from({ length: 4 }, (_, back) => String(current - back))]);
  return [...years]
    .sort()
    .reverse()
    .map((value) => ({ value, label: value }));
}

function heatMapOption(
  days: readonly CalendarDay[],
  year: string,
  selected: string | undefined,
  locale: string,
  t: TFunction,
) {
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // 4 January 2026 was a Sunday: ECharts' day labels start on Sunday.
  const dayNames = Array.from({ length: 7 }, (_, index) => weekday.format(new Date(Date.UTC(2026, 0, 4 + index))));
  const monthNames = Array.from({ length: 12 }, (_, index) => month.format(new Date(Date.UTC(2026, index, 1))));
  return {
    tooltip: {
      formatter: (item: { value: [string, number] }) => {
        const [date, value] = item.value;
        const shown = value === NO_SERVICE ? t('availability.noServiceTime') : formatPercent(String(value), locale);
        return `${formatDate(date, locale)}: ${shown}`;
      },
    },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      seriesIndex: 0,
      pieces: [
        { value: NO_SERVICE, color: '#bfbfbf', label: t('availability.noServiceTime') },
        ...BANDS.map((band) => ({ ...band, label: t(`availability.bands.${band.key}`) })),
      ],
    },
    calendar: {
      range: year,
      top: 30,
      left: 40,
      right: 20,
      cellSize: ['auto', 18],
      dayLabel: { firstDay: 1, nameMap: dayNames },
      monthLabel: { nameMap: monthNames },
      yearLabel: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 2, color: '#f5f5f5' },
      splitLine: { lineStyle: { color: '#8c8c8c' } },
    },
    series: [
      {
        name: t('availability.title'),
        type: 'heatmap',
        coordinateSystem: 'calendar',
        data: days.map((day) => [day.date, dayValue(day)]),
      },
      {
        // A mark on each day with approved maintenance, whose outage time was excluded.
        name: t('availability.maintenance'),
        type: 'scatter',
        coordinateSystem: 'calendar',
        symbol: 'triangle',
        symbolSize: 7,
        itemStyle: { color: '#10239e' },
        data: days
          .filter((day) => day.parts.some(({ figures }) => figures.maintenance.length > 0))
          .map((day) => [day.date, 1]),
      },
      {
        name: t('availability.selected'),
        type: 'scatter',
        coordinateSystem: 'calendar',
        symbol: 'rect',
        symbolSize: 16,
        itemStyle: { color: 'transparent', borderColor: '#000', borderWidth: 2 },
        data: selected ? [[selected, 1]] : [],
        silent: true,
      },
    ],
  } satisfies ChartOption;
}

function versionsText(day: CalendarDay, t: TFunction) {
  const versions = day.parts.flatMap(({ version }) => (version === null ? [] : [version]));
  return versions.length === 0
    ? t('availability.noVersion')
    : versions.map((version) => t('availability.version', { version })).join(', ');
}

function availabilityText(day: CalendarDay, locale: string, t: TFunction) {
  return day.parts
    .map(({ figures }) =>
      figures.availabilityPercent === null
        ? t('availability.noServiceTime')
        : formatPercent(figures.availabilityPercent, locale),
    )
    .join(' / ');
}

function DayDetails({ day, timeZone }: { day: CalendarDay; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const at = (instant: string) => formatInstant(instant, locale, timeZone);
  return (
    <Card
      size="small"
      title={t('availability.dayTitle', { date: formatDate(day.date, locale) })}
      data-testid="day-details"
      data-date={day.date}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {day.parts.map(({ version, figures }) => (
          <div key={`${version}/${figures.from}`}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                {
                  key: 'version',
                  label: t('availability.columns.version'),
                  children: version === null ? t('availability.noVersion') : t('availability.version', { version }),
                },
                {
                  key: 'span',
                  label: t('availability.span'),
                  children: `${at(figures.from)} – ${at(figures.to)}`,
                },
                {
                  key: 'availability',
                  label: t('availability.columns.availability'),
                  children: (
                    <span data-testid="detail-availability">
                      {figures.availabilityPercent === null
                        ? t('availability.noServiceTime')
                        : formatPercent(figures.availabilityPercent, locale)}
                    </span>
                  ),
                },
                {
                  key: 'service',
                  label: t('availability.columns.serviceTime'),
                  children: formatDuration(figures.agreedServiceTime, locale),
                },
                {
                  key: 'down',
                  label: t('availability.columns.downtime'),
                  children: <span data-testid="detail-downtime">{downtimeText(figures.downtime, locale, t)}</span>,
                },
                {
                  key: 'excluded',
                  label: t('availability.columns.excluded'),
                  children: formatDuration(figures.excludedMaintenanceDowntime, locale),
                },
                {
                  key: 'maintenance',
                  label: t('availability.columns.maintenance'),
                  children: formatDuration(figures.maintenanceTime, locale),
                },
              ]}
            />
            <Typography.Title level={4}>{t('availability.outages')}</Typography.Title>
            {figures.outages.length === 0 ? (
              <Typography.Text type="secondary">{t('availability.noOutages')}</Typography.Text>
            ) : (
              <ul data-testid="day-outages">
                {figures.outages.map((outage) => (
                  <li key={outage.outageId}>
                    {t('availability.outage', {
                      id: outage.outageId,
                      impact: t(`availability.impact.${outage.impact}`),
                      start: at(outage.start),
                      end: outage.end === null ? t('availability.stillOpen') : at(outage.end),
                      downtime: downtimeText(outage.downtime, locale, t),
                      excluded: formatDuration(outage.excluded, locale),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <Typography.Title level={4}>{t('availability.maintenance')}</Typography.Title>
            {figures.maintenance.length === 0 ? (
              <Typography.Text type="secondary">{t('availability.noMaintenance')}</Typography.Text>
            ) : (
              <ul data-testid="day-maintenance">
                {figures.maintenance.map((window) => (
                  <li key={window.start}>{`${at(window.start)} – ${at(window.end)}`}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </Space>
    </Card>
  );
}

function dayColumns(
  locale: string,
  t: TFunction,
  select: (date: string) => void,
  show: (date: string) => void,
): TableColumnsType<CalendarDay> {
  return [
    {
      title: t('availability.columns.date'),
      key: 'date',
      render: (_, day) => (
        // A button per day: a click or keyboard focus shows the day's details.
        <Button
          type="link"
          // The theme's link colour also on hover: antd's lighter hover blue misses AA on a hovered row.
          style={{ padding: 0, height: 'auto', color: '#0958d9' }}
          data-testid="day-button"
          onClick={() => select(day.date)}
          // Focus from the keyboard shows the day in place; a mouse click focuses too, and then adds a history step.
          onFocus={(event) => {
            if (event.currentTarget.matches(':focus-visible')) show(day.date);
          }}
        >
          {formatDate(day.date, locale)}
        </Button>
      ),
    },
    { title: t('availability.columns.version'), key: 'version', render: (_, day) => versionsText(day, t) },
    {
      title: t('availability.columns.availability'),
      key: 'availability',
      render: (_, day) => <span data-testid="day-availability">{availabilityText(day, locale, t)}</span>,
    },
    {
      title: t('availability.columns.serviceTime'),
      key: 'service',
      render: (_, day) =>
        formatDuration(
          sum(day, (figures) => figures.agreedServiceTime),
          locale,
        ),
    },
    {
      title: t('availability.columns.downtime'),
      key: 'downtime',
      render: (_, day) => (
        <span data-testid="day-downtime">
          {downtimeText(
            sum(day, (figures) => figures.downtime),
            locale,
            t,
          )}
        </span>
      ),
    },
    {
      title: t('availability.columns.excluded'),
      key: 'excluded',
      render: (_, day) =>
        formatDuration(
          sum(day, (figures) => figures.excludedMaintenanceDowntime),
          locale,
        ),
    },
    {
      title: t('availability.columns.outages'),
      key: 'outages',
      render: (_, day) =>
        day.parts.flatMap(({ figures }) => figures.outages.map((outage) => outage.outageId)).join(', ') || '—',
    },
  ];
}

/**
 * A service's availability day by day over a year: a calendar heat map, the maintenance whose outage time was
 * excluded, and the agreement version in force each day; a day's details on click or keyboard focus, and every
 * day's figures as a table. Service, year, agreement and day live in the URL.
 */
export function AvailabilityPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useSearchParams();
  const requestedYear = search.get('year') ?? '';
  const year = YEAR.test(requestedYear) ? requestedYear : String(new Date().getFullYear());
  const services = useServices();
  const serviceId = search.get('service') ?? services.data?.[0]?.serviceId;
  const service = services.data?.find((entry) => entry.serviceId === serviceId);
  const covering = useCoveringAgreements(serviceId, year);
  const agreements = covering.data?.agreements ?? [];
  const agreementId = search.get('agreement') ?? agreements[0]?.agreementId;
  const agreement = agreements.find((entry) => entry.agreementId === agreementId);
  const agreementDays = useAgreementDays(agreement, year);
  // A service no agreement covers that year is measured in its own catalogue calendar, with no version.
  const uncovered = covering.data !== undefined && agreements.length === 0;
  const serviceDays = useServiceDays(service, year, uncovered);
  const terms = (agreementDays.data?.terms ?? []).filter((term) => term.serviceId === serviceId);
  const days = useMemo(
    () => (uncovered ? calendarDays([{ version: null, days: serviceDays.days }]) : calendarDays(terms)),
    [uncovered, serviceDays.days, terms],
  );
  const timeZone = uncovered ? serviceDays.timeZone : agreement?.timeZone;
  const requestedDay = search.get('day') ?? '';
  const selected = days.find((day) => day.date === requestedDay);
  const month = (selected?.date ?? days[0]?.date ?? `${year}-01`).slice(0, 7);
  const monthDays = days.filter((day) => day.date.startsWith(month));
  const months = [...new Set(days.map((day) => day.date.slice(0, 7)))];
  const monthName = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const select = (date: string) => {
    if (date !== requestedDay) setSearch({ day: date });
  };
  const show = (date: string) => {
    if (date !== requestedDay) showDayInPlace(date);
  };
  const name = (id: string) => services.data?.find((entry) => entry.serviceId === id)?.name ?? id;
  const failure = services.error ?? covering.error ?? agreementDays.error ?? serviceDays.error;
  const option = useMemo(
    () => heatMapOption(days, year, selected?.date, locale, t),
    [days, year, selected?.date, locale, t],
  );

  // Arrow keys walk the heat map a day (left, right) or a week (up, down) at a time, as the calendar is drawn.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    if (step === undefined || days.length === 0) return;
    event.preventDefault();
    const from = selected?.date ?? days[0]!.date;
    const target = shiftDate(from, selected ? step : 0);
    if (days.some((day) => day.date === target)) show(target);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {t('availability.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('availability.intro')}</Typography.Paragraph>
      </div>
      <section aria-label={t('availability.filters')}>
        <Flex wrap gap="middle" align="center">
          <label htmlFor="availability-service" style={filterLabel}>
            <span>{t('availability.service')}</span>
            <Select
              id="availability-service"
              style={{ minWidth: 240 }}
              value={serviceId}
              loading={services.isLoading}
              options={(services.data ?? []).map((entry) => ({ value: entry.serviceId, label: entry.name }))}
              onChange={(value: string) => setSearch({ service: value, year, agreement: undefined, day: undefined })}
            />
          </label>
          <label htmlFor="availability-year" style={filterLabel}>
            <span>{t('availability.year')}</span>
            <Select
              id="availability-year"
              style={{ minWidth: 110 }}
              value={year}
              options={yearChoices(year)}
              onChange={(value: string) => setSearch({ year: value, service: serviceId, day: undefined })}
            />
          </label>
          <label htmlFor="availability-agreement" style={filterLabel}>
            <span>{t('availability.agreement')}</span>
            <Select
              id="availability-agreement"
              style={{ minWidth: 280 }}
              value={agreement?.agreementId}
              disabled={agreements.length === 0}
              placeholder={t('availability.noAgreement')}
              options={agreements.map((entry) => ({ value: entry.agreementId, label: entry.title }))}
              onChange={(value: string) => setSearch({ agreement: value, service: serviceId, year, day: undefined })}
            />
          </label>
        </Flex>
      </section>
      {failure && <Alert type="error" showIcon message={t('app.loadFailed', { message: failure.message })} />}
      {uncovered && service && (
        <Alert
          type="info"
          showIcon
          message={t('availability.uncovered', { service: service.name, calendar: service.calendarId ?? '—' })}
        />
      )}
      {timeZone && (
        <Typography.Text data-testid="time-zone">
          {t(uncovered ? 'availability.timeZoneCalendar' : 'availability.timeZoneAgreement', { timeZone })}
        </Typography.Text>
      )}
      {terms.length > 0 && timeZone && (
        <section aria-label={t('availability.terms')}>
          <Typography.Title level={2}>{t('availability.terms')}</Typography.Title>
          <Table
            size="small"
            rowKey={(term) => `${term.version}/${term.from}`}
            pagination={false}
            dataSource={terms}
            columns={[
              {
                title: t('availability.columns.version'),
                key: 'version',
                render: (_, term) => t('availability.version', { version: term.version }),
              },
              {
                title: t('availability.columns.inForce'),
                key: 'period',
                render: (_, term) => formatPeriod(term.from, term.to, timeZone, locale),
              },
              {
                title: t('availability.columns.availability'),
                key: 'availability',
                render: (_, term) => (
                  <span data-testid="term-availability">
                    {term.availabilityPercent === null ? '—' : formatPercent(term.availabilityPercent, locale)}
                  </span>
                ),
              },
              {
                title: t('availability.columns.target'),
                key: 'target',
                render: (_, term) =>
                  term.targetPercentage === null ? '—' : formatTarget(term.targetPercentage, locale),
              },
              {
                title: t('availability.columns.downtime'),
                key: 'downtime',
                render: (_, term) => downtimeText(term.downtime, locale, t),
              },
              {
                title: t('availability.columns.excluded'),
                key: 'excluded',
                render: (_, term) => formatDuration(term.excludedMaintenanceDowntime, locale),
              },
            ]}
          />
        </section>
      )}
      <section aria-label={t('availability.heatMap', { service: serviceId ? name(serviceId) : '' })}>
        <Typography.Title level={2}>
          {t('availability.heatMap', { service: serviceId ? name(serviceId) : '' })}
        </Typography.Title>
        {days.length === 0 && !agreementDays.isLoading && !serviceDays.isLoading ? (
          <Empty description={t('availability.empty')} />
        ) : (
          <div
            tabIndex={0}
            role="group"
            aria-label={t('availability.heatMapKeys')}
            onKeyDown={onKeyDown}
            data-testid="heat-map-keys"
          >
            <Chart
              option={option}
              height={220}
              label={t('availability.heatMap', { service: serviceId ? name(serviceId) : '' })}
              testId="heat-map"
              onClick={(event) => {
                const value = event.value as [string, number] | undefined;
                if (event.seriesIndex !== 2 && value && DATE.test(value[0])) select(value[0]);
              }}
            />
          </div>
        )}
        <Typography.Paragraph type="secondary">{t('availability.heatMapHelp')}</Typography.Paragraph>
      </section>
      {selected && timeZone && <DayDetails day={selected} timeZone={timeZone} />}
      {days.length > 0 && (
        <section aria-label={t('availability.dayTable')}>
          <Flex wrap gap="middle" align="center" justify="space-between">
            <Typography.Title level={2}>{t('availability.dayTable')}</Typography.Title>
            <label htmlFor="availability-month" style={filterLabel}>
              <span>{t('availability.month')}</span>
              <Select
                id="availability-month"
                style={{ minWidth: 160 }}
                value={month}
                options={months.map((value) => ({ value, label: monthName.format(new Date(`${value}-01T00:00:00Z`)) }))}
                onChange={(value: string) => select(days.find((day) => day.date.startsWith(value))!.date)}
              />
            </label>
          </Flex>
          <div tabIndex={0} style={{ overflowX: 'auto' }} aria-label={t('availability.dayTable')} role="region">
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              pagination={false}
              dataSource={monthDays}
              columns={dayColumns(locale, t, select, show)}
              rowClassName={(day) => (day.date === selected?.date ? 'ant-table-row-selected' : '')}
            />
          </div>
        </section>
      )}
    </Space>
  );
}
