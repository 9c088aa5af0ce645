import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useStore } from '../../store/index';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The colours of the current theme, read from the CSS variables (charts draw on a canvas). */
export interface ChartColors {
  fg: string;
  muted: string;
  border: string;
  ok: string;
  warn: string;
  danger: string;
  accent: string;
}

/** True where a 2D canvas can be drawn on (not in jsdom, where the charts' tables stand in). */
function canDraw(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888888';
}

/** The current theme's chart colours. */
export function chartColors(): ChartColors {
  return {
    fg: cssVar('--fg'),
    muted: cssVar('--muted'),
    border: cssVar('--border'),
    ok: cssVar('--ok'),
    warn: cssVar('--warn'),
    danger: cssVar('--danger'),
    accent: cssVar('--accent'),
  };
}

/**
 * An echarts instance on the returned element, given the option built from the theme's colours;
 * re-drawn when the option, the theme or the text size changes, resized with its box. echarts
 * styles its elements through the CSSOM, which the app's CSP (`style-src 'self'`) allows.
 * Without a canvas (jsdom) nothing is drawn: each chart has a text alternative beside it.
 */
export function useEchart(build: (colors: ChartColors) => echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const preferences = useStore((s) => s.preferences);

  useEffect(() => {
    const element = ref.current;
    if (!element || !canDraw()) return;
    try {
      chart.current = echarts.init(element, undefined, { renderer: 'canvas' });
    } catch {
      chart.current = null;
      return;
    }
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.current?.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(build(chartColors()), { notMerge: true });
  }, [build, preferences]);

  return ref;
}

/**
 * The options every bar chart of the app shares: no animation, text and legend in the theme's
 * colours, an axis tooltip, and a grid with room for the legend (`left`/`bottom` per chart).
 */
export function themedBarBase(c: ChartColors, grid: { left: number; bottom: number; right?: number }) {
  return {
    animation: false,
    textStyle: { color: c.fg },
    legend: { top: 0, textStyle: { color: c.fg } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: grid.left, right: grid.right ?? 20, top: 36, bottom: grid.bottom },
  };
}
