// A horizontal bar chart as server-rendered SVG, an accessible chart with its data table beside it
// (spec: Report exports). Every bar carries its label above it and its value beside it in text, so nothing is
// told by colour alone; the chart is one image to assistive technology (role="img") with a title and a
// description that reads out every value; the data table beside it has the same numbers.

export interface Bar {
  label: string;
  /** Bar length; null draws no bar (e.g. a count shown as "<5", or no answers). */
  value: number | null;
  /** What is written beside the bar, e.g. "12 (40 %)". */
  text: string;
}

const WIDTH = 320;
const ROW = 44;
const BAR = 16;
const VALUE_SPACE = 84;
const FILL = '#0059b3';
const TRACK = '#e6e6e6';
const INK = '#1a1a1a';

export function BarChart({
  id,
  title,
  bars,
  max,
}: {
  id: string;
  title: string;
  bars: Bar[];
  /** The value a full-length bar stands for (100 for percentages); default: the largest value. */
  max?: number;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0), 1);
  const room = WIDTH - VALUE_SPACE;
  const height = bars.length * ROW + 4;
  const desc = bars.map((b) => `${b.label}: ${b.text}`).join('. ');
  return (
    <svg
      class="bar-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      font-family="IBM Plex Sans, Arial, sans-serif"
      font-size="14"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = i * ROW;
        const length = b.value === null ? 0 : Math.max(0, Math.round((b.value / top) * room));
        return (
          <g>
            <text x="0" y={y + 15} fill={INK}>
              {b.label}
            </text>
            {b.value === null ? null : <rect x="0" y={y + 22} width={room} height={BAR} fill={TRACK} />}
            {length > 0 ? <rect x="0" y={y + 22} width={length} height={BAR} fill={FILL} /> : null}
            {/* Without a bar (e.g. "fewer than 5 answers") the text takes the bar's place. */}
            <text x={b.value === null ? 0 : room + 8} y={y + 35} fill={INK} font-weight="600">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
