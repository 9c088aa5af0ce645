import { useCallback, useMemo } from 'react';
import type { ResourceOutcome } from '../../../../electron/core/record/types';
import { targetRows } from './chart-data';
import { themedBarBase, useEchart, type ChartColors } from './use-echart';

const show = (v: number | null) => (v === null ? 'not measured' : `${v} min`);

/** The target (faded) and achieved (solid; red where the target was missed) bars of one measure. */
function targetSeries(
  measure: 'RTO' | 'RPO',
  color: string,
  missed: string,
  pairs: Array<[target: number | null, achieved: number | null]>,
) {
  return [
    {
      name: `${measure} target`,
      type: 'bar',
      data: pairs.map(([t]) => t),
      itemStyle: { color, opacity: 0.45 },
    },
    {
      name: `${measure} achieved`,
      type: 'bar',
      data: pairs.map(([target, achieved]) => ({
        value: achieved,
        itemStyle: { color: achieved !== null && target !== null && achieved > target ? missed : color },
      })),
    },
  ];
}

/**
 * Per-resource RTO and RPO: target against achieved (grouped bars, echarts), with the same numbers
 * in a table. Targets are drawn faded, achieved solid; a missed target is red.
 */
export function TargetsChart({ resources }: { resources: ResourceOutcome[] }) {
  const rows = useMemo(() => targetRows(resources), [resources]);
  const build = useCallback(
    (c: ChartColors) => ({
      ...themedBarBase(c, { left: 180, bottom: 28 }),
      xAxis: {
        type: 'value',
        name: 'minutes',
        nameTextStyle: { color: c.muted },
        axisLabel: { color: c.muted },
        splitLine: { lineStyle: { color: c.border } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        inverse: true,
        axisLabel: { color: c.fg, width: 170, overflow: 'truncate' },
      },
      series: [
        ...targetSeries(
          'RTO',
          c.accent,
          c.danger,
          rows.map((r) => [r.rtoTarget, r.rtoAchieved]),
        ),
        ...targetSeries(
          'RPO',
          c.ok,
          c.danger,
          rows.map((r) => [r.rpoTarget, r.rpoAchieved]),
        ),
      ],
    }),
    [rows],
  );
  const ref = useEchart(build);
  if (rows.length === 0) {
    return (
      <p className="muted">RTO and RPO per resource appear here once resources are recovered and measured.</p>
    );
  }
  return (
    <figure className="chart-figure" aria-labelledby="targets-chart-caption">
      <figcaption id="targets-chart-caption">RTO and RPO per resource: target against achieved</figcaption>
      <div
        ref={ref}
        className="chart-box"
        style={{ height: `${Math.max(14, rows.length * 3.2 + 4)}rem` }}
        role="img"
        aria-label="Bar chart of RTO and RPO targets against achieved per resource; the table below lists the same values"
      />
      <table className="chart-table visually-hidden">
        <caption>RTO and RPO per resource</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">RTO target</th>
            <th scope="col">RTO achieved</th>
            <th scope="col">RPO target</th>
            <th scope="col">RPO achieved</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{show(r.rtoTarget)}</td>
              <td>{show(r.rtoAchieved)}</td>
              <td>{show(r.rpoTarget)}</td>
              <td>{show(r.rpoAchieved)}</td>
              <td>{r.met === null ? 'not measured' : r.met ? 'met' : 'missed'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
