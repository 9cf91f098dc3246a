// The ABC/XYZ page's charts, drawn with ECharts from the data the server put in data-chart (the
// tables below them hold the same figures). A matrix cell leads where its link in the table does.
(function () {
    function draw() {
        const pareto = document.getElementById('pareto-chart');
        const matrix = document.getElementById('matrix-chart');
        if (!window.echarts || !pareto || !matrix) {
            return;
        }
        drawPareto(pareto, JSON.parse(pareto.dataset.chart));
        drawMatrix(matrix, JSON.parse(matrix.dataset.chart));
    }

    function drawPareto(element, data) {
        const chart = echarts.init(element);
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            grid: {left: 80, right: 50, top: 30, bottom: 20},
            xAxis: {type: 'category', data: data.names, axisLabel: {show: false}, axisTick: {show: false}},
            yAxis: [
                {type: 'value', name: element.dataset.valueLabel},
                {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}, splitLine: {show: false}}
            ],
            series: [
                {
                    type: 'bar', name: element.dataset.valueLabel, data: data.values.map(Number),
                    itemStyle: {
                        color: function (item) {
                            return {A: '#198754', B: '#0d6efd', C: '#adb5bd'}[data.classes[item.dataIndex]];
                        }
                    }
                },
                {
                    type: 'line', name: element.dataset.cumulativeLabel, yAxisIndex: 1, showSymbol: false,
                    data: data.cumulative.map(Number),
                    markLine: {
                        silent: true, symbol: 'none', lineStyle: {type: 'dashed'},
                        label: {formatter: '{c} %'},
                        data: [{yAxis: Number(data.a)}, {yAxis: Number(data.b)}]
                    }
                }
            ]
        });
        window.addEventListener('resize', function () {
            chart.resize();
        });
    }

    function drawMatrix(element, data) {
        const chart = echarts.init(element);
        chart.setOption({
            animation: false,
            grid: {left: 40, right: 10, top: 10, bottom: 30},
            xAxis: {type: 'category', data: ['X', 'Y', 'Z'], splitArea: {show: true}},
            yAxis: {type: 'category', data: ['C', 'B', 'A'], splitArea: {show: true}},
            visualMap: {show: false, min: 0, max: Math.max(data.max, 1), inRange: {color: ['#f8f9fa', '#0d6efd']}},
            series: [{
                type: 'heatmap',
                data: data.cells.map(function (cell) {
                    return [cell.x, cell.y, cell.count];
                }),
                label: {
                    show: true,
                    formatter: function (item) {
                        const cell = data.cells[item.dataIndex];
                        return cell.count + '\n' + Number(cell.share).toLocaleString(document.documentElement.lang)
                            + ' %';
                    }
                }
            }]
        });
        chart.on('click', function (item) {
            window.location.href = data.cells[item.dataIndex].href;
        });
        window.addEventListener('resize', function () {
            chart.resize();
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
