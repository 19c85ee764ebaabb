// A student's last weeks at a glance: mood from two sources, and the home 15/60 targets.
// Hand-written SVG (no chart library). Series differ by colour AND by marker and dash, so the
// chart reads in grey print and for colour-blind staff; screen readers get a summary and a table.
// Colours and dashes live in chart.css: the CSP forbids inline styles.
import type { JSX } from 'preact';
import { getLocale, t } from '../i18n';
import { addDays, formatDate, parseDate } from '../i18n/time';
import '../styles/chart.css';

export interface ChartDay {
  /** YYYY-MM-DD, in the school's time zone. */
  date: string;
  /** 1–5, the day's average. */
  mentorMood: number | null;
  homeMood: number | null;
  /** null = no home log that day. */
  listeningMet: boolean | null;
  exerciseMet: boolean | null;
}

const DAY_MS = 86_400_000;

/** Days since the epoch; NaN for a malformed date. */
function dayNumber(date: string): number {
  return parseDate(date) / DAY_MS;
}

interface Placed {
  offset: number;
  day: ChartDay;
}

/** Days in date order with their distance from the first (a date); a missing date leaves a gap. */
function place(days: ChartDay[]): { placed: Placed[]; first: string; span: number } {
  const valid = days
    .map((day) => ({ day, number: dayNumber(day.date) }))
    .filter((item) => Number.isFinite(item.number))
    .sort((a, b) => a.number - b.number);
  if (valid.length === 0) return { placed: [], first: '', span: 0 };
  const first = valid[0].number;
  const placed = valid.map((item) => ({ offset: item.number - first, day: item.day }));
  return { placed, first: valid[0].day.date, span: placed[placed.length - 1].offset + 1 };
}

/** The chart's data for screen readers: one row a day, with a column per series. */
function DayTable({ caption, columns, placed, cells }: {
  caption: string;
  columns: [string, string];
  placed: Placed[];
  cells: (day: ChartDay) => [string, string];
}) {
  return (
    <table class="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.date')}</th>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {placed.map(({ day }) => {
          const [a, b] = cells(day);
          return (
            <tr key={day.date}>
              <th scope="row">{formatDate(day.date)}</th>
              <td>{a}</td>
              <td>{b}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function formatMood(value: number): string {
  return new Intl.NumberFormat(getLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function isMood(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

function average(values: (number | null)[]): number | null {
  const present = values.filter(isMood);
  return present.length ? present.reduce((sum, value) => sum + value, 0) / present.length : null;
}

// ---- Mood chart ----

// Geometry in viewBox units; the SVG scales to the container's width.
const WIDTH = 340;
const HEIGHT = 190;
const LEFT = 26;
const RIGHT = 16; // room for the last date label, centred on the last day
const TOP = 10;
const BOTTOM = 24;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const LEVELS = [1, 2, 3, 4, 5];

type Series = 'mentor' | 'home';
interface Point {
  x: number;
  y: number;
}

function xOf(offset: number, span: number): number {
  return span <= 1 ? LEFT + PLOT_W / 2 : LEFT + (offset * PLOT_W) / (span - 1);
}

function yOf(mood: number): number {
  const clamped = Math.min(5, Math.max(1, mood));
  return TOP + ((5 - clamped) / 4) * PLOT_H;
}

/** Runs of consecutive days with a value: the line breaks wherever a day has none. */
function runs(placed: Placed[], span: number, value: (day: ChartDay) => number | null): Point[][] {
  const result: Point[][] = [];
  let run: Point[] = [];
  let previous: number | null = null;
  for (const { offset, day } of placed) {
    const mood = value(day);
    if (!isMood(mood)) {
      previous = null;
      continue;
    }
    if (previous === null || offset !== previous + 1) {
      run = [];
      result.push(run);
    }
    run.push({ x: xOf(offset, span), y: yOf(mood) });
    previous = offset;
  }
  return result;
}

function Marker({ series, x, y }: { series: Series; x: number; y: number }) {
  // Mentor: filled circle; home: hollow square. Different shapes, not only different colours.
  return series === 'mentor' ? (
    <circle class="mood-marker mood-mentor" cx={x} cy={y} r={3.5} />
  ) : (
    <rect class="mood-marker mood-home" x={x - 3.25} y={y - 3.25} width={6.5} height={6.5} />
  );
}

function SeriesPath({ series, points }: { series: Series; points: Point[][] }) {
  return (
    <g class={`mood-series mood-${series}`}>
      {points.map((run, index) =>
        run.length > 1 ? (
          <polyline key={index} class="mood-line" points={run.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ')} />
        ) : null,
      )}
      {points.flat().map((point, index) => (
        <Marker key={index} series={series} x={point.x} y={point.y} />
      ))}
    </g>
  );
}

function LegendItem({ series, label }: { series: Series; label: string }) {
  return (
    <li>
      <svg class="chart-swatch" viewBox="0 0 28 12" aria-hidden="true">
        <g class={`mood-series mood-${series}`}>
          <polyline class="mood-line" points="1,6 27,6" />
          <Marker series={series} x={14} y={6} />
        </g>
      </svg>
      {label}
    </li>
  );
}

export function MoodChart({ days }: { days: ChartDay[] }): JSX.Element {
  const { placed, first, span } = place(days);
  const mentor = runs(placed, span, (day) => day.mentorMood);
  const home = runs(placed, span, (day) => day.homeMood);
  const mentorAverage = average(placed.map(({ day }) => day.mentorMood));
  const homeAverage = average(placed.map(({ day }) => day.homeMood));
  const empty = mentorAverage === null && homeAverage === null;

  const summary = t('chart.moodSummary', {
    days: span,
    mentor: mentorAverage === null ? t('chart.mentorNone') : t('chart.mentorAverage', { avg: formatMood(mentorAverage) }),
    home: homeAverage === null ? t('chart.homeNone') : t('chart.homeAverage', { avg: formatMood(homeAverage) }),
  });
  // A date label every 7 days, counted back from the last (usually today).
  const ticks = Array.from({ length: span }, (_, offset) => offset).filter((offset) => (span - 1 - offset) % 7 === 0);
  const cell = (value: number | null) => (isMood(value) ? formatMood(value) : t('chart.noValue'));

  return (
    <div class="chart mood-chart">
      <p class="chart-axis-title" aria-hidden="true">
        {t('chart.moodAxis')}
      </p>
      <svg class="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary}>
        {LEVELS.map((level) => (
          <g key={level}>
            <line class="chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(level)} y2={yOf(level)} />
            <text class="chart-label chart-label-y" x={LEFT - 7} y={yOf(level)} dy="0.35em">
              {level}
            </text>
          </g>
        ))}
        {ticks.map((offset) => (
          <g key={offset}>
            <line class="chart-grid chart-grid-x" x1={xOf(offset, span)} x2={xOf(offset, span)} y1={TOP} y2={TOP + PLOT_H} />
            <text class="chart-label chart-label-x" x={xOf(offset, span)} y={HEIGHT - 6}>
              {formatDate(addDays(first, offset), { month: 'numeric', day: 'numeric' })}
            </text>
          </g>
        ))}
        {empty ? (
          <text class="chart-empty" x={LEFT + PLOT_W / 2} y={TOP + PLOT_H / 2} dy="0.35em">
            {t('chart.noData')}
          </text>
        ) : (
          <>
            <SeriesPath series="home" points={home} />
            <SeriesPath series="mentor" points={mentor} />
          </>
        )}
      </svg>
      <ul class="chart-legend" aria-hidden="true">
        <LegendItem series="mentor" label={t('chart.mentor')} />
        <LegendItem series="home" label={t('chart.home')} />
      </ul>
      <DayTable caption={t('chart.moodCaption', { days: span })} columns={[t('chart.mentor'), t('chart.home')]} placed={placed}
        cells={(day) => [cell(day.mentorMood), cell(day.homeMood)]} />
    </div>
  );
}

// ---- 15/60 adherence strip ----

type Met = boolean | null;
const SLOT = 10;

function Cell({ index, met }: { index: number; met: Met }) {
  const x = index * SLOT;
  // Met: filled square; not met: hollow square; no log: a short dash.
  if (met === true) return <rect class="cell-met" x={x + 1} y={2} width={8} height={8} rx={1.5} />;
  if (met === false) return <rect class="cell-missed" x={x + 1.75} y={2.75} width={6.5} height={6.5} rx={1} />;
  return <line class="cell-none" x1={x + 2.5} x2={x + 7.5} y1={6} y2={6} />;
}

function metLabel(met: Met): string {
  return t(met === true ? 'chart.met' : met === false ? 'chart.missed' : 'chart.noLog');
}

function AdherenceRow({ label, cells }: { label: string; cells: Met[] }) {
  const met = cells.filter((value) => value === true).length;
  const missed = cells.filter((value) => value === false).length;
  const summary = t('chart.adherenceSummary', {
    label,
    days: cells.length,
    met,
    missed,
    none: cells.length - met - missed,
  });
  return (
    <div class="adherence-row">
      <p class="adherence-head">
        <span class="adherence-label">{label}</span>
        <span class="adherence-count">{t('chart.metCount', { met, logged: met + missed })}</span>
      </p>
      <svg class="adherence-cells" viewBox={`0 0 ${cells.length * SLOT} 12`} width="100%" role="img" aria-label={summary}>
        {cells.map((value, index) => (
          <Cell key={index} index={index} met={value} />
        ))}
      </svg>
    </div>
  );
}

function KeyItem({ met }: { met: Met }) {
  return (
    <li>
      <svg class="chart-swatch-cell" viewBox="0 0 10 12" aria-hidden="true">
        <Cell index={0} met={met} />
      </svg>
      {metLabel(met)}
    </li>
  );
}

export function AdherenceStrip({ days }: { days: ChartDay[] }): JSX.Element {
  const { placed, span } = place(days);
  if (span === 0) {
    return (
      <div class="chart adherence">
        <p class="muted">{t('chart.noData')}</p>
      </div>
    );
  }
  // One slot per calendar day; a date missing from `days` counts as "no log".
  const listening: Met[] = new Array<Met>(span).fill(null);
  const exercise: Met[] = new Array<Met>(span).fill(null);
  for (const { offset, day } of placed) {
    listening[offset] = day.listeningMet;
    exercise[offset] = day.exerciseMet;
  }
  return (
    <div class="chart adherence">
      <AdherenceRow label={t('chart.listening')} cells={listening} />
      <AdherenceRow label={t('chart.exercise')} cells={exercise} />
      <ul class="chart-legend adherence-key" aria-hidden="true">
        <KeyItem met={true} />
        <KeyItem met={false} />
        <KeyItem met={null} />
      </ul>
      <DayTable caption={t('chart.adherenceCaption', { days: span })} columns={[t('chart.listening'), t('chart.exercise')]}
        placed={placed} cells={(day) => [metLabel(day.listeningMet), metLabel(day.exerciseMet)]} />
    </div>
  );
}
