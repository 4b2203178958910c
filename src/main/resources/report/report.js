// Renders the report from the JSON data block. Every value reaches the page through textContent or an SVG text
// node, never as markup: subjects, senders and file names come from whoever wrote the mail.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function countBy(items, keysOf) {
    var counts = new Map();
    items.forEach(function (item) {
      keysOf(item).forEach(function (k) { counts.set(k, (counts.get(k) || 0) + 1); });
    });
    return counts;
  }
  function truncate(s, n) { return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; }

  // Summary cards.
  var secrets = data.secrets;
  var occurrences = [];
  secrets.forEach(function (s) { s.occurrences.forEach(function (o) { occurrences.push(o); }); });
  var messages = new Set(occurrences.map(function (o) { return o.source + '\u0000' + o.message_index; }));
  var mailboxes = new Set();
  secrets.forEach(function (s) { s.mailboxes.forEach(function (m) { mailboxes.add(m); }); });
  var bySeverity = countBy(secrets, function (s) { return [s.severity]; });
  var customers = countBy(secrets, function (s) { return s.customers; });
  var cards = [
    ['secrets', secrets.length, ''], ['critical', bySeverity.get('critical') || 0, 'critical'],
    ['high', bySeverity.get('high') || 0, 'high'], ['occurrences', occurrences.length, ''],
    ['messages', messages.size, ''], ['mailboxes', mailboxes.size, ''],
    ['providers', countBy(secrets, function (s) { return [s.provider]; }).size, ''],
    ['customers', data.customer_directory ? customers.size : '\u2013', ''], ['scans', data.scans.length, '']
  ];
  var summary = document.getElementById('summary');
  cards.forEach(function (c) {
    var card = el('div', { 'class': 'card ' + c[2] });
    card.appendChild(el('div', { 'class': 'n' }, c[1]));
    card.appendChild(el('div', { 'class': 'l' }, c[0]));
    summary.appendChild(card);
  });

  // Horizontal bars: one row per key, largest first, the tail folded into "other".
  function barChart(target, counts, emptyText) {
    var box = document.getElementById(target);
    var rows = Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    if (rows.length === 0) { box.appendChild(el('p', { 'class': 'empty' }, emptyText)); return; }
    var MAX = 12;
    if (rows.length > MAX) {
      var rest = rows.slice(MAX - 1).reduce(function (n, r) { return n + r[1]; }, 0);
      rows = rows.slice(0, MAX - 1).concat([['other (' + (rows.length - MAX + 1) + ')', rest]]);
    }
    var width = 400, label = 130, rowH = 22, top = 4;
    var max = rows[0][1];
    var svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + (top + rows.length * rowH), role: 'img' });
    rows.forEach(function (r, i) {
      var y = top + i * rowH;
      var w = Math.max(2, (width - label - 50) * r[1] / max);
      svg.appendChild(svgEl('text', { x: label - 8, y: y + 15, 'text-anchor': 'end' }, truncate(r[0], 20)));
      var bar = svgEl('rect', { 'class': 'bar', x: label, y: y + 3, width: w, height: rowH - 7, rx: 2 });
      bar.appendChild(svgEl('title', {}, r[0] + ': ' + r[1]));
      svg.appendChild(bar);
      svg.appendChild(svgEl('text', { x: label + w + 6, y: y + 15, 'class': 'dim' }, r[1]));
    });
    box.appendChild(svg);
  }
  barChart('chart-provider', countBy(secrets, function (s) { return [s.provider || 'unknown']; }), 'No secrets.');
  barChart('chart-customer', customers, data.customer_directory
      ? 'No secret is attributed to a customer.' : 'No customer directory was given (report --customers FILE).');

  // Occurrences by the month of the message's date; gaps are filled so that the axis is time.
  (function timeline() {
    var box = document.getElementById('chart-time');
    var byMonth = countBy(occurrences, function (o) { return o.date_utc ? [o.date_utc.slice(0, 7)] : []; });
    var undated = occurrences.filter(function (o) { return !o.date_utc; }).length;
    var months = Array.from(byMonth.keys()).sort();
    if (months.length === 0) { box.appendChild(el('p', { 'class': 'empty' }, 'No message has a readable date.')); return; }
    var filled = [];
    var first = months[0].split('-').map(Number), last = months[months.length - 1].split('-').map(Number);
    var span = (last[0] - first[0]) * 12 + (last[1] - first[1]);
    if (span <= 120) {
      for (var y = first[0], m = first[1]; y < last[0] || (y === last[0] && m <= last[1]); m++) {
        if (m > 12) { m = 1; y++; }
        if (y > last[0] || (y === last[0] && m > last[1])) break;
        filled.push(y + '-' + (m < 10 ? '0' : '') + m);
      }
    } else {
      filled = months;
    }
    var width = 400, height = 200, left = 30, bottom = 40, top = 10;
    var max = Math.max.apply(null, filled.map(function (k) { return byMonth.get(k) || 0; }));
    var step = (width - left - 8) / filled.length;
    var svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    svg.appendChild(svgEl('line', { 'class': 'axis', x1: left, y1: height - bottom, x2: width, y2: height - bottom }));
    svg.appendChild(svgEl('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', 'class': 'dim' }, max));
    svg.appendChild(svgEl('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', 'class': 'dim' }, 0));
    var labelEvery = Math.ceil(filled.length / 5);
    filled.forEach(function (k, i) {
      var n = byMonth.get(k) || 0;
      var h = (height - bottom - top) * n / max;
      var x = left + i * step;
      var bar = svgEl('rect', { 'class': 'bar', x: x + step * 0.1, y: height - bottom - h, width: Math.max(1, step * 0.8), height: h });
      bar.appendChild(svgEl('title', {}, k + ': ' + n));
      svg.appendChild(bar);
      if (i % labelEvery === 0) {
        svg.appendChild(svgEl('text', { x: x + step / 2, y: height - bottom + 14, 'text-anchor': 'middle', 'class': 'dim' }, k));
      }
    });
    if (undated > 0) {
      svg.appendChild(svgEl('text', { x: width, y: height - 6, 'text-anchor': 'end', 'class': 'dim' },
          undated + ' occurrence(s) without a readable date'));
    }
    box.appendChild(svg);
  })();

  // The table of secrets: sortable by header, filtered by the text box, a row opens its occurrences.
  var columns = [
    { key: 'severity', label: 'Severity', sort: function (s) { return SEVERITY_RANK[s.severity] !== undefined ? SEVERITY_RANK[s.severity] : 9; } },
    { key: 'provider', label: 'Provider' },
    { key: 'rule_name', label: 'Rule' },
    { key: 'secret_redacted', label: 'Secret (redacted)', mono: true },
    { key: 'occurrence_count', label: 'Occurrences', num: true },
    { key: 'first_seen', label: 'First seen', date: true, text: function (s) { return s.first_seen.slice(0, 10); } },
    { key: 'last_seen', label: 'Last seen', date: true, text: function (s) { return s.last_seen.slice(0, 10); } },
    { key: 'customers', label: 'Customers', text: function (s) { return s.customers.join(', '); } },
    { key: 'triage_status', label: 'Status' },
    { key: 'fingerprint', label: 'Fingerprint', mono: true, text: function (s) { return s.fingerprint.slice(0, 12); } }
  ];
  var thead = document.querySelector('#secrets thead tr');
  var tbody = document.querySelector('#secrets tbody');
  var sortState = { index: 0, dir: 1 };
  function cellText(col, s) { return col.text ? col.text(s) : (s[col.key] === undefined ? '' : String(s[col.key])); }
  function sortValue(col, s) {
    if (col.sort) return col.sort(s);
    if (col.num) return s[col.key];
    return (typeof s[col.key] === 'string' ? s[col.key] : cellText(col, s)).toLowerCase();
  }
  columns.forEach(function (col, i) {
    var th = el('th', { scope: 'col' });
    var button = el('button', { type: 'button' }, col.label);
    button.addEventListener('click', function () {
      sortState = { index: i, dir: sortState.index === i ? -sortState.dir : 1 };
      render();
    });
    th.appendChild(button);
    thead.appendChild(th);
  });
  secrets.forEach(function (s) {
    s._search = [s.provider, s.rule_id, s.rule_name, s.severity, s.secret_redacted, s.fingerprint, s.triage_status,
      s.customers.join(' '), s.mailboxes.join(' '), s.message_ids.join(' '), s.senders.join(' ')]
      .concat(s.occurrences.map(function (o) { return o.subject + ' ' + o.from; })).join(' ').toLowerCase();
  });
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var open = new Set();
  filter.addEventListener('input', render);

  function details(s) {
    var tr = el('tr', { 'class': 'details' });
    var td = el('td', { colspan: columns.length });
    if (s.remediation) {
      var p = el('p', { 'class': 'remediation' });
      p.appendChild(el('strong', {}, 'Remediation: '));
      p.appendChild(document.createTextNode(s.remediation));
      td.appendChild(p);
    }
    td.appendChild(el('p', { 'class': 'mono' }, 'fingerprint ' + s.fingerprint));
    var table = el('table');
    var head = el('tr');
    ['Source', 'Message', 'Date', 'From', 'Subject', 'Parts', 'Line'].forEach(function (h) { head.appendChild(el('th', {}, h)); });
    table.appendChild(head);
    s.occurrences.forEach(function (o) {
      var row = el('tr');
      [o.source, '#' + o.message_index + (o.message_id ? ' ' + o.message_id : ''), o.date, o.from, o.subject,
        o.parts.join('; '), o.line].forEach(function (v, i) {
        row.appendChild(el('td', { 'class': i === 0 || i === 1 ? 'mono' : '' }, v));
      });
      table.appendChild(row);
    });
    td.appendChild(table);
    tr.appendChild(td);
    return tr;
  }

  function render() {
    var col = columns[sortState.index];
    Array.from(thead.children).forEach(function (th, i) {
      if (i === sortState.index) th.setAttribute('aria-sort', sortState.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = secrets.filter(function (s) { return words.every(function (w) { return s._search.indexOf(w) >= 0; }); });
    rows.sort(function (a, b) {
      var x = sortValue(col, a), y = sortValue(col, b);
      return (x < y ? -1 : x > y ? 1 : 0) * sortState.dir || b.occurrence_count - a.occurrence_count;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (s) {
      var tr = el('tr', { 'class': 'secret', tabindex: '0', 'aria-expanded': String(open.has(s.fingerprint)) });
      columns.forEach(function (c) {
        var td = el('td', { 'class': (c.num ? 'num' : '') + (c.mono ? ' mono' : '') + (c.date ? ' date' : '') });
        if (c.key === 'severity') td.appendChild(el('span', { 'class': 'sev ' + s.severity }, s.severity));
        else td.textContent = cellText(c, s);
        tr.appendChild(td);
      });
      function toggle() {
        if (open.has(s.fingerprint)) open.delete(s.fingerprint); else open.add(s.fingerprint);
        render();
      }
      tr.addEventListener('click', toggle);
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
      fragment.appendChild(tr);
      if (open.has(s.fingerprint)) fragment.appendChild(details(s));
    });
    tbody.replaceChildren(fragment);
    shown.textContent = rows.length + ' of ' + secrets.length + ' secrets';
  }
  render();
})();
