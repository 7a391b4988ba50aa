import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Tree-shaken: the pieces KpiChartOption is composed of, and nothing else.
echarts.use([BarChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { echarts };
