import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  CalendarComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the console draws are bundled (ECharts is tree-shaken through echarts/core); this module is imported
// by lazy pages only, so it never weighs on the first load. SVG keeps text crisp in screenshots and PDFs.
echarts.use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  CalendarComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts chart that follows its container's width. `label` names the chart for screen readers (the figures it
 * draws must also be on the page as text or a table: a chart alone is not accessible). `testId` lets a browser test
 * find the chart and read the option it was given through `data-series`.
 */
export function Chart({
  option,
  height,
  label,
  testId,
  onClick,
}: {
  option: ChartOption;
  height: number;
  label: string;
  testId?: string;
  /** A click on a drawn item (a day of a calendar heat map, a bar): ECharts' event with the item's data. */
  onClick?: (event: echarts.ECElementEvent) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, read at click time: the chart is created once and must not be rebuilt for a new closure.
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    const element = container.current!;
    chart.current = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current.on('click', (event) => clicked.current?.(event as echarts.ECElementEvent));
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
