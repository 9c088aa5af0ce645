import { useCallback, useMemo } from 'react';
import type { DrillHistory } from '../../../../electron/core/api/calls/drill';
import { themedBarBase, useEchart, type ChartColors } from '../../components/charts/use-echart';
import { quarterSeries, SERVICE_TITLE } from './drill-model';

/** Drills passed and failed per quarter (stacked bars); mounted only when there is history to draw. */
function QuarterChart({ history }: { history: DrillHistory }) {
  const series = useMemo(() => quarterSeries(history), [history]);
  const build = useCallback(
    (c: ChartColors) => ({
      ...themedBarBase(c, { left: 48, bottom: 28, right: 16 }),
      xAxis: { type: 'category', data: series.quarters, axisLabel: { color: c.fg } },
      yAxis: {
        type: 'value',
        name: 'drills',
        minInterval: 1,
        nameTextStyle: { color: c.muted },
        axisLabel: { color: c.muted },
        splitLine: { lineStyle: { color: c.border } },
      },
      series: [
        {
          name: 'Passed',
          type: 'bar',
          stack: 'drills',
          barMaxWidth: 56,
          data: series.passed,
          itemStyle: { color: c.ok },
        },
        {
          name: 'Failed',
          type: 'bar',
          stack: 'drills',
          barMaxWidth: 56,
          data: series.failed,
          itemStyle: { color: c.danger },
        },
      ],
    }),
    [series],
  );
  const chartRef = useEchart(build);
  return (
    <div
      ref={chartRef}
      className="drill-chart"
      role="img"
      aria-label="Drills passed and failed per quarter"
    />
  );
}

/** The history: drills passed and failed per quarter (echarts, with a table of the same numbers), and every record. */
export function DrillHistoryPanel({
  history,
  onOpen,
}: {
  history: DrillHistory;
  onOpen: (id: string) => void;
}) {
  return (
    <section className="panel drill-history" aria-labelledby="drill-history-heading">
      <h2 id="drill-history-heading">History</h2>
      {history.entries.length === 0 ? (
        <p className="muted">No drill has been recorded in this data folder yet.</p>
      ) : (
        <>
          <QuarterChart history={history} />
          <table className="drill-table">
            <caption>Results per quarter</caption>
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Drills</th>
                <th scope="col">Passed</th>
                <th scope="col">Failed</th>
                <th scope="col">Per service (pass/fail)</th>
              </tr>
            </thead>
            <tbody>
              {history.quarters.map((q) => (
                <tr key={q.quarter}>
                  <th scope="row">{q.quarter}</th>
                  <td>{q.drills}</td>
                  <td>{q.passed}</td>
                  <td>{q.failed}</td>
                  <td>
                    {Object.entries(q.byService)
                      .filter(([, n]) => n.pass + n.fail > 0)
                      .map(
                        ([s, n]) => `${SERVICE_TITLE[s as keyof typeof SERVICE_TITLE]} ${n.pass}/${n.fail}`,
                      )
                      .join(', ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="drill-history-list">
            {history.entries.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className="button"
                  onClick={() => onOpen(e.id)}
                  aria-label={`Open drill record ${e.id}`}
                >
                  {e.id}
                </button>{' '}
                <span className={`drill-${e.status}`}>{e.status === 'pass' ? 'PASS' : 'FAIL'}</span>{' '}
                <span className="muted">
                  {e.quarter} · {e.mode} ·{' '}
                  {e.services.map((s) => `${SERVICE_TITLE[s.service]} ${s.status}`).join(', ')}
                  {e.leftovers > 0 ? ` · ${e.leftovers} left behind` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {history.problems.length > 0 ? (
        <p className="muted">Unreadable record files: {history.problems.join('; ')}</p>
      ) : null}
    </section>
  );
}
