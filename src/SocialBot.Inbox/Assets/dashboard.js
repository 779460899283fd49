// The supervisors' dashboard: reads /api/inbox/dashboard and draws its charts as SVG, with no library.
'use strict';

(() => {
  const NS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const COLORS = { staffed: '#0b5cad', after: '#d97706', urgent: '#a4000f', normal: '#57606a', positive: '#1a7f37', neutral: '#8c959f', negative: '#cf222e', mixed: '#8250df' };

  function svg(tag, attributes, text) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chart(width, height, label) {
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
    root.append(svg('title', {}, label));
    return root;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const h = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return h > 0 ? `${h}h ${m}m` : `${m}m`;
  }

  function hours(data) {
    const width = 1000, height = 220, left = 36, bottom = 28, top = 8;
    const buckets = data.hours;
    const max = Math.max(1, ...buckets.map((b) => b.staffed + b.afterHours));
    const root = chart(width, height, `Mentions per hour over the last 7 days: ${data.mentions} in all`);
    const plotWidth = width - left - 8, plotHeight = height - bottom - top;
    const barWidth = plotWidth / buckets.length;
    for (let i = 0; i <= 4; i++) {
      const value = Math.round((max * i) / 4);
      const y = top + plotHeight - (plotHeight * i) / 4;
      root.append(svg('line', { x1: left, x2: width - 8, y1: y, y2: y, stroke: '#d0d7de', 'stroke-width': 1 }));
      root.append(svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end' }, String(value)));
    }
    buckets.forEach((bucket, i) => {
      const x = left + i * barWidth;
      const staffedHeight = (plotHeight * bucket.staffed) / max;
      const afterHeight = (plotHeight * bucket.afterHours) / max;
      const hour = new Date(bucket.hour);
      const tip = `${hour.toLocaleString()}: ${bucket.staffed} staffed, ${bucket.afterHours} after hours`;
      if (bucket.staffed > 0) {
        const bar = svg('rect', { x, y: top + plotHeight - staffedHeight, width: Math.max(1, barWidth - 1), height: staffedHeight, fill: COLORS.staffed, class: 'bar staffed' });
        bar.append(svg('title', {}, tip));
        root.append(bar);
      }
      if (bucket.afterHours > 0) {
        const bar = svg('rect', { x, y: top + plotHeight - staffedHeight - afterHeight, width: Math.max(1, barWidth - 1), height: afterHeight, fill: COLORS.after, class: 'bar after' });
        bar.append(svg('title', {}, tip));
        root.append(bar);
      }
      if (hour.getHours() === 0) {
        root.append(svg('line', { x1: x, x2: x, y1: top, y2: top + plotHeight, stroke: '#afb8c1', 'stroke-dasharray': '2 3' }));
        root.append(svg('text', { x: x + 3, y: height - 10 }, hour.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' })));
      }
    });
    return root;
  }

  function bars(entries, label) {
    const width = 480, row = 30, left = 110, height = entries.length * row + 10;
    const max = Math.max(1, ...entries.map((e) => e.value));
    const root = chart(width, height, `${label}: ` + entries.map((e) => `${e.name} ${e.value}`).join(', '));
    entries.forEach((entry, i) => {
      const y = 5 + i * row;
      const barWidth = ((width - left - 50) * entry.value) / max;
      root.append(svg('text', { x: left - 8, y: y + 18, 'text-anchor': 'end' }, entry.name));
      const bar = svg('rect', { x: left, y: y + 4, width: Math.max(entry.value > 0 ? 2 : 0, barWidth), height: row - 10, fill: entry.color, rx: 3, class: 'bar' });
      bar.append(svg('title', {}, `${entry.name}: ${entry.value}`));
      root.append(bar);
      root.append(svg('text', { x: left + barWidth + 6, y: y + 18 }, String(entry.value)));
    });
    return root;
  }

  function networks(data) {
    const series = [['mentions', '#0b5cad'], ['acknowledgements', '#1a7f37'], ['handoffs', '#d97706'], ['slaBreaches', '#a4000f']];
    const width = 1000, group = 36, left = 110, height = Math.max(1, data.networks.length) * group + 30;
    const max = Math.max(1, ...data.networks.flatMap((n) => series.map(([key]) => n[key])));
    const root = chart(width, height, 'Mentions, acknowledgements, handoffs and SLA breaches per network');
    data.networks.forEach((network, i) => {
      const y = 5 + i * group;
      root.append(svg('text', { x: left - 8, y: y + 18, 'text-anchor': 'end' }, network.network));
      series.forEach(([key, color], j) => {
        const barWidth = ((width - left - 60) * network[key]) / max;
        const bar = svg('rect', { x: left, y: y + j * 7, width: Math.max(network[key] > 0 ? 2 : 0, barWidth), height: 6, fill: color, class: 'bar' });
        bar.append(svg('title', {}, `${network.network} ${key}: ${network[key]}`));
        root.append(bar);
      });
      root.append(svg('text', { x: width - 50, y: y + 18 }, `${network.mentions}/${network.handoffs}`));
    });
    const legendY = height - 8;
    series.forEach(([key, color], j) => {
      root.append(svg('rect', { x: left + j * 170, y: legendY - 9, width: 10, height: 10, fill: color }));
      root.append(svg('text', { x: left + j * 170 + 14, y: legendY }, key === 'slaBreaches' ? 'SLA breaches' : key));
    });
    return root;
  }

  async function start() {
    const response = await fetch('/api/inbox/dashboard', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const data = await response.json().catch(() => null);
    if (!response.ok) { $('status').textContent = data?.error || `The dashboard could not be loaded (${response.status}).`; return; }
    $('range').textContent = `${new Date(data.from).toLocaleString()} to ${new Date(data.to).toLocaleString()} · staffed hours in ${data.timeZone}`;
    $('k-mentions').textContent = data.mentions;
    $('k-acks').textContent = data.acknowledgements;
    $('k-handoffs').textContent = data.handoffs;
    $('k-median').textContent = duration(data.firstResponse.medianSeconds);
    $('k-p90').textContent = duration(data.firstResponse.p90Seconds);
    $('k-breaches').textContent = data.slaBreaches;
    $('chart-hours').replaceChildren(hours(data));
    $('chart-priority').replaceChildren(bars(Object.entries(data.handoffsByPriority).sort().reverse().map(([name, value]) => ({ name, value, color: COLORS[name] || '#57606a' })), 'Handoffs by priority'));
    $('chart-sentiment').replaceChildren(bars(['negative', 'mixed', 'neutral', 'positive'].map((name) => ({ name, value: data.sentiment[name] || 0, color: COLORS[name] })), 'Sentiment mix'));
    $('chart-networks').replaceChildren(networks(data));
    const body = $('t-networks');
    body.replaceChildren(...data.networks.map((n) => {
      const tr = document.createElement('tr');
      for (const value of [n.network, n.mentions, n.acknowledgements, n.handoffs, n.slaBreaches, n.negative]) {
        const td = document.createElement('td');
        td.textContent = String(value);
        tr.append(td);
      }
      return tr;
    }));
    document.body.dataset.ready = 'true';
  }

  start();
})();
