// Charts of the leader dashboard, drawn by Chart.js (vendored from npm into /vendor, scripts/vendor-console-libs;
// served by the gateway, never from a CDN). The library (200 KB) is loaded only when a report screen first needs it.
// A canvas says nothing to a screen reader: every chart is an image with a sentence of its own (role="img",
// aria-label), and the same figures are in the table next to it.
import {h} from '../js/dom.js';

let loading = null;

/** window.Chart once /vendor/chart.umd.min.js has run (a same-origin script, which the console's CSP allows). */
export function loadCharts() {
  if (window.Chart) return Promise.resolve(window.Chart);
  loading ||= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/chart.umd.min.js';
    script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not load')));
    script.onerror = () => {
      loading = null;
      reject(new Error('Chart.js could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}

const BRAND = '#a4161a';
const OK = '#1b7f3b';
const MUTED = '#4f5b6a';

/**
 * A box for one chart: a canvas with its sentence for screen readers, filled once Chart.js is there. A chart that
 * cannot be drawn leaves the sentence and the table beside it.
 * @param spec {labels, values (percent numbers or null), targets (percent numbers or null), valueLabel, targetLabel}
 */
export function percentChart(id, sentence, spec) {
  const canvas = h('canvas', {id, role: 'img', 'aria-label': sentence});
  const box = h('div', {class: 'chart-box'}, canvas);
  loadCharts().then(Chart => {
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: [
          {label: spec.valueLabel, data: spec.values, backgroundColor: BRAND},
          {label: spec.targetLabel, data: spec.targets, backgroundColor: '#d7dde5', borderColor: MUTED,
            borderWidth: 1},
        ],
      },
      options: {
        locale: 'vi-VN',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {y: {min: 0, max: 100, ticks: {callback: v => `${v}%`}}},
        plugins: {legend: {position: 'bottom'}},
      },
    });
  }).catch(() => box.append(h('p', {class: 'muted'}, 'Không vẽ được biểu đồ; số liệu ở bảng bên dưới.')));
  return box;
}

/** One horizontal bar of a value against a target (online payment vs the province's 30%). */
export function targetChart(id, sentence, {label, value, target}) {
  const canvas = h('canvas', {id, role: 'img', 'aria-label': sentence});
  const box = h('div', {class: 'chart-box chart-box-short'}, canvas);
  loadCharts().then(Chart => {
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [label],
        datasets: [
          {label: 'Đạt được', data: [value], backgroundColor: value >= target ? OK : BRAND},
          {label: 'Chỉ tiêu', data: [target], backgroundColor: '#d7dde5', borderColor: MUTED, borderWidth: 1},
        ],
      },
      options: {
        locale: 'vi-VN',
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {x: {min: 0, max: 100, ticks: {callback: v => `${v}%`}}},
        plugins: {legend: {position: 'bottom'}},
      },
    });
  }).catch(() => box.append(h('p', {class: 'muted'}, 'Không vẽ được biểu đồ.')));
  return box;
}
