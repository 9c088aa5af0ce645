import { useCallback, useMemo } from 'react';
import type { AssessedResource, ReadinessStatus } from '../../../../electron/core/api/calls/assess';
import { readinessByService } from './chart-data';
import { themedBarBase, useEchart, type ChartColors } from './use-echart';

const statusColor = (c: ChartColors): Record<ReadinessStatus, string> => ({
  ready: c.ok,
  'at-risk': c.warn,
  'not-recoverable': c.danger,
  unknown: c.muted,
  'out-of-scope': c.border,
});

/** Readiness by service (stacked bars, echarts) with a table of the same numbers for screen readers. */
export function ReadinessChart({ resources }: { resources: AssessedResource[] }) {
  const data = useMemo(() => readinessByService(resources), [resources]);
  const build = useCallback(
    (c: ChartColors) => ({
      ...themedBarBase(c, { left: 90, bottom: 24 }),
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: c.muted },
        splitLine: { lineStyle: { color: c.border } },
      },
      yAxis: { type: 'category', data: data.services, axisLabel: { color: c.fg } },
      series: data.series.map((s) => ({
        type: 'bar',
        stack: 'all',
        name: s.status,
        data: s.counts,
        itemStyle: { color: statusColor(c)[s.status] },
        label: {
          show: true,
          color: c.fg,
          formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''),
        },
      })),
    }),
    [data],
  );
  const ref = useEchart(build);
  if (data.total === 0) return null;
  return (
    <figure className="chart-figure" aria-labelledby="readiness-chart-caption">
      <figcaption id="readiness-chart-caption">
        Readiness by service: {data.total} resources in the primary region
      </figcaption>
      <div
        ref={ref}
        className="chart-box"
        role="img"
        aria-label="Stacked bar chart of readiness by service; the table below lists the same counts"
      />
      <table className="chart-table visually-hidden">
        <caption>Resources by service and readiness</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            {data.series.map((s) => (
              <th scope="col" key={s.status}>
                {s.status}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.services.map((service, i) => (
            <tr key={service}>
              <th scope="row">{service}</th>
              {data.series.map((s) => (
                <td key={s.status}>{s.counts[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
