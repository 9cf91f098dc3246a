// The charts of the dashboards and the segment outlook, drawn with ECharts from what the server put
// in each element's data-chart (the table under every chart holds the same figures):
//   {kind: 'series', categories: [...], series: [{name, type: 'bar'|'line', data, dashed, stack}]}
//   {kind: 'heatmap', x: [...], y: [...], cells: [[x, y, count]]}
(function () {
    const money = new Intl.NumberFormat(document.documentElement.lang || 'ru', {maximumFractionDigits: 0});

    function series(data) {
        return {
            animation: false,
            tooltip: {trigger: 'axis', valueFormatter: value => value == null ? '—' : money.format(value) + ' ₽'},
            legend: {top: 0},
            grid: {left: 90, right: 20, top: 40, bottom: 30},
            xAxis: {type: 'category', data: data.categories},
            yAxis: {type: 'value', axisLabel: {formatter: value => money.format(value)}},
            series: data.series.map(item => ({
                name: item.name,
                type: item.type,
                stack: item.stack,
                data: item.data.map(value => value == null ? null : Number(value)),
                connectNulls: false,
                lineStyle: item.dashed ? {type: 'dashed'} : undefined,
                itemStyle: item.color ? {color: item.color} : undefined
            }))
        };
    }

    function heatmap(data) {
        const max = Math.max(1, ...data.cells.map(cell => cell[2]));
        return {
            animation: false,
            grid: {left: 40, right: 10, top: 10, bottom: 30},
            xAxis: {type: 'category', data: data.x, splitArea: {show: true}},
            yAxis: {type: 'category', data: data.y, splitArea: {show: true}},
            visualMap: {show: false, min: 0, max: max, inRange: {color: ['#f8f9fa', '#0d6efd']}},
            series: [{type: 'heatmap', data: data.cells, label: {show: true}}]
        };
    }

    function draw() {
        if (!window.echarts) {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(element => {
            const data = JSON.parse(element.dataset.chart);
            const chart = echarts.init(element);
            chart.setOption(data.kind === 'heatmap' ? heatmap(data) : series(data));
            window.addEventListener('resize', () => chart.resize());
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
