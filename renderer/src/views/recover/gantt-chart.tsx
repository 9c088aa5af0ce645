import { useEffect, useMemo, useRef } from 'react';
import { BarChart, CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
} from 'echarts';
import { ganttBars, type GanttBar } from '../../../../electron/core/recover/board-model';
import type { RecoveryPlan, RecoveryRun } from '../../../../electron/core/recover/types';

echarts.use([CustomChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<string, string> = {
  done: '--ok',
  failed: '--danger',
  running: '--accent',
  waiting: '--accent',
  queued: '--warn',
  pending: '--muted',
  blocked: '--danger',
  cancelled: '--muted',
};

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** A live Gantt of the chains (echarts custom series): actual bars, and estimates drawn faded. */
export function GanttChart({ plan, run, now }: { plan: RecoveryPlan; run: RecoveryRun; now: number }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const bars = useMemo(() => ganttBars(plan, run, now), [plan, run, now]);
  const labels = useMemo(() => plan.chains.map((c) => `${c.resource.service} ${c.resource.name}`), [plan]);

  useEffect(() => {
    if (!ref.current) return;
    try {
      chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    } catch {
      chart.current = null; // no canvas (tests): the table below is the text alternative
    }
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    const data = bars.map((b) => ({
      value: [b.chainIndex, b.start, b.end, b.state, b.estimated ? 1 : 0],
      name: b.title,
    }));
    chart.current.setOption({
      animation: false,
      grid: { left: 200, right: 20, top: 10, bottom: 30 },
      tooltip: {
        formatter: (p: { name: string; value: [number, number, number, string, number] }) =>
          `${p.name}<br/>${p.value[3]}${p.value[4] ? ' (estimate)' : ''}<br/>${new Date(p.value[1]).toLocaleTimeString()} → ${new Date(p.value[2]).toLocaleTimeString()}`,
      },
      xAxis: {
        type: 'time',
        min: Math.min(now, ...bars.map((b) => b.start)),
        axisLabel: { color: cssVar('--fg') },
      },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { color: cssVar('--fg'), width: 190, overflow: 'truncate' },
      },
      series: [
        {
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data,
          renderItem: (
            _params: CustomSeriesRenderItemParams,
            api: CustomSeriesRenderItemAPI,
          ): CustomSeriesRenderItemReturn => {
            const start = api.coord([api.value(1), api.value(0)]);
            const end = api.coord([api.value(2), api.value(0)]);
            const height = (api.size?.([0, 1]) as number[])[1]! * 0.6;
            const state = String(api.value(3));
            return {
              type: 'rect',
              shape: {
                x: start[0]!,
                y: start[1]! - height / 2,
                width: Math.max(2, end[0]! - start[0]!),
                height,
              },
              style: { fill: cssVar(COLORS[state] ?? '--muted'), opacity: api.value(4) ? 0.45 : 0.95 },
            };
          },
        },
      ],
    });
  }, [bars, labels, now]);

  return (
    <figure className="recover-gantt">
      <figcaption>Chains over time (faded: estimates)</figcaption>
      <div
        ref={ref}
        className="gantt-canvas"
        role="img"
        aria-label={`Gantt chart of ${labels.length} recovery chains; the table below lists the same timings`}
      />
      <GanttTable bars={bars} />
    </figure>
  );
}

function GanttTable({ bars }: { bars: GanttBar[] }) {
  return (
    <details className="gantt-table">
      <summary>Timings as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Chain</th>
            <th scope="col">Action</th>
            <th scope="col">State</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.actionId}>
              <td>{b.chainLabel}</td>
              <td>{b.title}</td>
              <td>{b.state}</td>
              <td>{new Date(b.start).toLocaleTimeString()}</td>
              <td>
                {new Date(b.end).toLocaleTimeString()}
                {b.estimated ? ' (est.)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
