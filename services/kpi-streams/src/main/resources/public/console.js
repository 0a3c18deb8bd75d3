/*
 * TTHC Monitor quality console (docs/CONSOLE.md). Plain JavaScript, no build step: it reads the query API
 * (/api/v1/...) and nothing else, and reads it again when /api/v1/changes (server-sent events) says that
 * what the page shows has changed. Routes: #/overview, #/units/<unitId>, #/cases/<caseId>, #/alerts.
 */
(function () {
  'use strict';

  var ZONE = 'Asia/Ho_Chi_Minh';
  var KPIS = [
    { id: 'onTimeRate', label: 'Giải quyết đúng hạn' },
    { id: 'satisfactionRate', label: 'Mức độ hài lòng' },
    { id: 'onlineRate', label: 'Toàn trình trực tuyến' },
    { id: 'feedbackOnTimeRate', label: 'PAKN xử lý đúng hạn' }
  ];
  var KINDS = [
    { id: 'MONTH', label: 'Tháng' },
    { id: 'QUARTER', label: 'Quý' },
    { id: 'HALF_YEAR', label: '6 tháng' },
    { id: 'YEAR', label: 'Năm' }
  ];
  var STATES = {
    ok: { word: 'Đạt', icon: '✓' },
    bad: { word: 'Không đạt', icon: '✗' },
    risk: { word: 'Dự báo không đạt', icon: '⚠' },
    few: { word: 'Chưa đủ số lượng', icon: '…' },
    none: { word: 'Chưa có dữ liệu', icon: '○' }
  };
  var CASE_STATUS = {
    NOT_RECEIVED: 'Chưa tiếp nhận', IN_PROGRESS: 'Đang xử lý', WAITING_ON_CITIZEN: 'Chờ công dân bổ sung',
    OVERDUE: 'Đang xử lý quá hạn', RESOLVED: 'Đã giải quyết', WITHDRAWN: 'Công dân rút hồ sơ'
  };
  var CLASSIFICATION = { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Trễ hạn' };
  var EVENT_TYPES = {
    'case.received': 'Tiếp nhận', 'case.supplement_requested': 'Yêu cầu bổ sung',
    'case.supplement_received': 'Nhận bổ sung', 'case.extended': 'Gia hạn', 'case.resolved': 'Giải quyết xong',
    'case.withdrawn': 'Rút hồ sơ', 'case.returned': 'Trả kết quả'
  };
  var CHANNELS = { ONLINE: 'Trực tuyến', COUNTER: 'Trực tiếp tại bộ phận một cửa', POSTAL: 'Bưu chính' };
  var STANDINGS = {
    OVERDUE: { word: '✗ Quá hạn', state: 'bad' }, DUE_SOON: { word: '⚠ Sắp đến hạn', state: 'risk' },
    IN_PROGRESS: { word: 'Đang xử lý', state: 'ok' }, WAITING_ON_CITIZEN: { word: '⏸ Chờ công dân bổ sung', state: 'few' }
  };
  var ALERT_KINDS = { BREACH: 'Không đạt', AT_RISK: 'Dự báo không đạt' };

  var main = document.getElementById('main');
  var liveBox = document.getElementById('live');
  var updatedBox = document.getElementById('updated');

  var state = { kind: 'MONTH', period: null, collapsed: {}, chartField: '*', unitScope: 'own',
    alertUnit: '', alertKind: '', organisation: null, caller: null, actions: {}, recorded: {}, alerts: {} };
  var current = null; // { interests: [...], refresh: function }
  var charts = [];

  // ---------- formatting ----------
  var percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
  var dateParts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function isNumber(x) { return typeof x === 'number' && isFinite(x); }
  function pct(x) { return isNumber(x) ? percentFormat.format(x * 100) + '%' : '—'; }
  function count(x) { return isNumber(x) ? countFormat.format(x) : '—'; }
  function dash(x) { return x === null || x === undefined || x === '' ? '—' : String(x); }
  function localParts(date) {
    var parts = {};
    dateParts.formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return parts;
  }
  function dateTime(text) {
    if (!text) { return '—'; }
    var d = new Date(text);
    if (isNaN(d.getTime())) { return '—'; }
    var p = localParts(d);
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }
  /** ISO-8601 duration (PT26H5M, -PT3H) to "1 ngày 2 giờ 5 phút" (24-hour days: working time is counted in hours). */
  function duration(text) {
    if (text === null || text === undefined || text === '') { return '—'; }
    var minutes;
    if (isNumber(text)) {
      minutes = Math.trunc(text / 60); // seconds, as Jackson writes a Duration without WRITE_DURATIONS_AS_TIMESTAMPS off
    } else {
      var m = /^(-)?P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(String(text));
      if (!m) { return String(text); }
      minutes = (parseInt(m[2] || '0', 10) * 24 + parseInt(m[3] || '0', 10)) * 60 + parseInt(m[4] || '0', 10);
      if (m[1]) { minutes = -minutes; }
    }
    var negative = minutes < 0;
    minutes = Math.abs(minutes);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    var out = [];
    if (days) { out.push(days + ' ngày'); }
    if (hours) { out.push(hours + ' giờ'); }
    if (mins || !out.length) { out.push(mins + ' phút'); }
    return (negative ? 'quá ' : '') + out.join(' ');
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function h(text) { return escapeHtml(dash(text)); }

  // ---------- periods (Asia/Ho_Chi_Minh) ----------
  function nowLocal() {
    var p = localParts(new Date());
    return { year: parseInt(p.year, 10), month: parseInt(p.month, 10) };
  }
  function periodOf(kind, year, index) {
    if (kind === 'MONTH') { return year + '-' + (index < 10 ? '0' : '') + index; }
    if (kind === 'QUARTER') { return year + '-Q' + index; }
    if (kind === 'HALF_YEAR') { return year + '-H' + index; }
    return String(year);
  }
  function perYear(kind) { return { MONTH: 12, QUARTER: 4, HALF_YEAR: 2, YEAR: 1 }[kind]; }
  function indexOfMonth(kind, month) { return Math.floor((month - 1) / (12 / perYear(kind))) + 1; }
  function kindOf(period) {
    if (/^\d{4}-\d{2}$/.test(period)) { return 'MONTH'; }
    if (/^\d{4}-Q\d$/.test(period)) { return 'QUARTER'; }
    if (/^\d{4}-H\d$/.test(period)) { return 'HALF_YEAR'; }
    return 'YEAR';
  }
  function currentPeriod(kind) {
    var now = nowLocal();
    return periodOf(kind, now.year, indexOfMonth(kind, now.month));
  }
  /** The current period of this kind and earlier ones, newest first (two years of months, five years of the rest). */
  function selectablePeriods(kind) {
    var now = nowLocal(), list = [], year = now.year, index = indexOfMonth(kind, now.month);
    var n = kind === 'MONTH' ? 24 : kind === 'YEAR' ? 5 : perYear(kind) * 3;
    for (var i = 0; i < n; i++) {
      list.push(periodOf(kind, year, index));
      index--;
      if (index < 1) { year--; index = perYear(kind); }
    }
    return list;
  }
  function periodsOfYear(kind, year) {
    var list = [];
    for (var i = 1; i <= perYear(kind); i++) { list.push(periodOf(kind, year, i)); }
    return list;
  }
  function periodLabel(period) {
    var m;
    if ((m = /^(\d{4})-(\d{2})$/.exec(period))) { return 'Tháng ' + m[2] + '/' + m[1]; }
    if ((m = /^(\d{4})-Q(\d)$/.exec(period))) { return 'Quý ' + m[2] + '/' + m[1]; }
    if ((m = /^(\d{4})-H(\d)$/.exec(period))) { return '6 tháng ' + (m[2] === '1' ? 'đầu' : 'cuối') + ' năm ' + m[1]; }
    return 'Năm ' + period;
  }
  function shortPeriodLabel(period) {
    var m;
    if ((m = /^(\d{4})-(\d{2})$/.exec(period))) { return 'T' + parseInt(m[2], 10); }
    if ((m = /^(\d{4})-Q(\d)$/.exec(period))) { return 'Q' + m[2]; }
    if ((m = /^(\d{4})-H(\d)$/.exec(period))) { return 'H' + m[2]; }
    return period;
  }

  // ---------- the query API ----------
  function ApiError(status, message) { this.status = status; this.message = message; }
  function api(path) {
    return fetch('/api/v1' + path, { headers: { Accept: 'application/json' } }).then(function (response) {
      // sign-in required and not (or no longer) signed in: the login page (docs/SECURITY.md)
      if (response.status === 401) { location.href = '/login.html'; }
      if (response.status === 404) { return null; }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          throw new ApiError(response.status, body.message || body.error || ('HTTP ' + response.status));
        });
      }
      return response.json();
    });
  }
  function organisation() {
    if (state.organisation) { return Promise.resolve(state.organisation); }
    return Promise.all([api('/organisation'), caller()]).then(function (r) {
      var org = r[0] || { units: [] };
      // a head or quality officer sees their unit and the units under it (docs/SECURITY.md): the tree starts there
      if (r[1] && r[1].unit) { org = Object.assign({}, org, { units: subtreeOf(org.units, r[1].unit) }); }
      state.organisation = org;
      return state.organisation;
    });
  }
  // who is signed in (/me), asked once; null when it cannot be read (the console works without it)
  function caller() {
    if (!state.caller) { state.caller = api('/me').catch(function () { return null; }); }
    return state.caller;
  }
  // the units of the file from "top" down, in the file's order
  function subtreeOf(units, top) {
    var parentOf = {};
    units.forEach(function (u) { parentOf[u.id] = u.parent; });
    return units.filter(function (u) {
      for (var id = u.id; id; id = parentOf[id]) { if (id === top) { return true; } }
      return false;
    });
  }
  function unitName(id) {
    var units = state.organisation ? state.organisation.units : [];
    for (var i = 0; i < units.length; i++) { if (units[i].id === id) { return units[i].name; } }
    return null;
  }
  function unitLink(id) {
    var name = unitName(id);
    return '<a href="#/units/' + encodeURIComponent(id) + '">' + h(name || id) + '</a>';
  }
  function caseLink(id) { return '<a href="#/cases/' + encodeURIComponent(id) + '">' + h(id) + '</a>'; }

  // ---------- KPI states ----------
  /** The forecast of a KPI status, as the forecast work publishes it: a number, or an object with expectedRate. */
  function forecastOf(status) {
    var f = status ? status.forecast : null;
    if (isNumber(f)) { return { rate: f, atRisk: null }; }
    if (f && typeof f === 'object' && isNumber(f.expectedRate)) {
      return { rate: f.expectedRate, atRisk: typeof f.atRisk === 'boolean' ? f.atRisk : null };
    }
    return null;
  }
  function stateOf(status) {
    if (!status || !status.volume || !isNumber(status.value)) { return 'none'; }
    if (status.breached) { return 'bad'; }
    var f = forecastOf(status);
    if (f && (f.atRisk === true || (f.atRisk === null && isNumber(status.target) && f.rate < status.target))) {
      return 'risk';
    }
    if (status.volume < status.minVolume) { return 'few'; }
    return 'ok';
  }
  function stateBadge(key) {
    var s = STATES[key];
    return '<span class="state state-' + key + '" data-state="' + key + '"><span aria-hidden="true">' + s.icon +
      '</span> ' + s.word + '</span>';
  }
  function kpiStatus(row, kpi) {
    if (!row || !row.kpis) { return null; }
    for (var i = 0; i < row.kpis.length; i++) { if (row.kpis[i].kpi === kpi) { return row.kpis[i]; } }
    return null;
  }
  function kpiCell(status) {
    var key = stateOf(status);
    if (!status) { return '<td class="kpi-cell" data-kpi-state="none">' + stateBadge('none') + '</td>'; }
    if (key === 'none') {
      return '<td class="kpi-cell" data-kpi-state="none">' + stateBadge('none') +
        '<div class="meta">Mục tiêu ' + pct(status.target) + '</div></td>';
    }
    var f = forecastOf(status);
    return '<td class="kpi-cell" data-kpi-state="' + key + '">' + stateBadge(key) +
      '<div class="value">' + pct(status.value) + '</div>' +
      '<div class="meta">Mục tiêu ' + pct(status.target) + ' · Số lượng ' + count(status.volume) + '</div>' +
      '<div class="meta">Còn được phép không đạt: ' + count(status.allowance) +
      (isNumber(status.toRecover) ? ' · Cần ' + count(status.toRecover) + ' đạt liên tiếp' : '') + '</div>' +
      '<div class="meta">Dự báo cuối kỳ: ' + (f ? pct(f.rate) : '—') + '</div></td>';
  }
  function legend() {
    return '<div class="legend" aria-label="Chú giải">' + Object.keys(STATES).map(stateBadge).join('') + '</div>';
  }

  // ---------- page frame ----------
  function setPage(nav, title) {
    document.title = title + ' — TTHC Monitor';
    Array.prototype.forEach.call(document.querySelectorAll('[data-nav]'), function (a) {
      if (a.getAttribute('data-nav') === nav) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
  }
  function render(html) {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    main.innerHTML = html;
    updatedBox.textContent = 'Cập nhật lúc ' + dateTime(new Date().toISOString());
  }
  function renderError(error, retry) {
    var text = error instanceof ApiError && error.status === 503
      ? 'Hệ thống đang nạp lại số liệu (kho trạng thái đang khôi phục). Trang sẽ tự thử lại.'
      : 'Không đọc được số liệu: ' + escapeHtml(error && error.message ? error.message : String(error));
    render('<p class="error" role="alert">' + text + '</p>');
    if (retry) { setTimeout(retry, 2000); }
  }
  function periodBar() {
    var kinds = KINDS.map(function (k) {
      return '<option value="' + k.id + '"' + (k.id === state.kind ? ' selected' : '') + '>' + k.label + '</option>';
    }).join('');
    var periods = selectablePeriods(state.kind).map(function (p) {
      return '<option value="' + p + '"' + (p === state.period ? ' selected' : '') + '>' + periodLabel(p) +
        (p === currentPeriod(state.kind) ? ' (hiện tại)' : '') + '</option>';
    }).join('');
    return '<div class="bar"><label>Loại kỳ <select id="kind">' + kinds + '</select></label>' +
      '<label>Kỳ <select id="period">' + periods + '</select></label></div>';
  }
  function bindPeriodBar(onChange) {
    document.getElementById('kind').addEventListener('change', function (e) {
      state.kind = e.target.value;
      state.period = currentPeriod(state.kind);
      onChange();
    });
    document.getElementById('period').addEventListener('change', function (e) {
      state.period = e.target.value;
      onChange();
    });
  }
  /** Keeps the keyboard focus on the same control across a re-render. */
  function keepFocus(renderFn) {
    var id = document.activeElement ? document.activeElement.id : null;
    renderFn();
    if (id) {
      var el = document.getElementById(id);
      if (el) { el.focus(); }
    }
  }

  // ---------- Tổng quan ----------
  function overview() {
    setPage('overview', 'Tổng quan');
    if (!state.period || kindOf(state.period) !== state.kind) { state.period = currentPeriod(state.kind); }
    var load = function () {
      return Promise.all([organisation(), api('/kpis?period=' + encodeURIComponent(state.period))])
        .then(function (results) { keepFocus(function () { drawOverview(results[0], results[1]); }); })
        .catch(function (e) { renderError(e, function () { if (current && current.name === 'overview') { load(); } }); });
    };
    current = { name: 'overview', interests: ['ROWS', 'ALERTS'], refresh: load };
    return load();
  }
  function drawOverview(org, data) {
    var rows = data && data.rows ? data.rows : [];
    var byUnit = {};
    rows.forEach(function (row) {
      if (row.fieldId !== '*') { return; }
      var scope = (row.scope || 'own').toLowerCase();
      byUnit[row.unitId] = byUnit[row.unitId] || {};
      byUnit[row.unitId][scope] = row;
    });
    var listed = {};
    org.units.forEach(function (u) { listed[u.id] = true; });
    var hidden = {};
    var html = '<h1>Tổng quan — ' + h(periodLabel(state.period)) + '</h1>' + periodBar() + legend();
    html += '<div class="table-wrap"><table id="overview-table"><caption class="skip">Chỉ tiêu theo đơn vị, ' +
      h(periodLabel(state.period)) + '</caption><thead><tr><th scope="col">Đơn vị</th>' +
      KPIS.map(function (k) { return '<th scope="col">' + k.label + '</th>'; }).join('') + '</tr></thead><tbody>';
    org.units.forEach(function (u) {
      var hiddenByParent = u.parent && (hidden[u.parent] || state.collapsed[u.parent]);
      if (hiddenByParent) { hidden[u.id] = true; return; }
      var rowsOf = byUnit[u.id] || {};
      var row = u.hasChildren && rowsOf.subtree ? rowsOf.subtree : rowsOf.own;
      var toggle = u.hasChildren
        ? '<button class="toggle" data-toggle="' + h(u.id) + '" aria-expanded="' + (!state.collapsed[u.id]) +
          '" aria-label="' + (state.collapsed[u.id] ? 'Mở' : 'Thu gọn') + ' các đơn vị trực thuộc ' + h(u.name) + '">' +
          (state.collapsed[u.id] ? '▸' : '▾') + '</button>'
        : '<span class="toggle" aria-hidden="true"></span>';
      html += '<tr class="unit" data-unit="' + h(u.id) + '"><td class="name"><span class="indent" style="width:' +
        (u.depth * 1.2) + 'em"></span>' + toggle + unitLink(u.id) +
        (row && (row.scope || '').toLowerCase() === 'subtree' ? ' <span class="scope">(gồm đơn vị trực thuộc)</span>' : '') +
        '</td>' + KPIS.map(function (k) { return kpiCell(kpiStatus(row, k.id)); }).join('') + '</tr>';
    });
    var unlisted = Object.keys(byUnit).filter(function (id) { return !listed[id]; }).sort();
    if (unlisted.length) {
      html += '<tr><th colspan="' + (KPIS.length + 1) + '">Đơn vị có số liệu nhưng không có trong tệp tổ chức</th></tr>';
      unlisted.forEach(function (id) {
        var row = byUnit[id].own || byUnit[id].subtree;
        html += '<tr class="unit" data-unit="' + h(id) + '"><td class="name">' + unitLink(id) + '</td>' +
          KPIS.map(function (k) { return kpiCell(kpiStatus(row, k.id)); }).join('') + '</tr>';
      });
    }
    if (!org.units.length && !unlisted.length) {
      html += '<tr><td colspan="' + (KPIS.length + 1) + '" class="empty">Chưa có đơn vị nào có số liệu trong kỳ này.</td></tr>';
    }
    html += '</tbody></table></div>';
    render(html);
    bindPeriodBar(overview);
    Array.prototype.forEach.call(document.querySelectorAll('[data-toggle]'), function (button) {
      button.addEventListener('click', function () {
        var id = button.getAttribute('data-toggle');
        state.collapsed[id] = !state.collapsed[id];
        drawOverview(org, data);
        var again = document.querySelector('[data-toggle="' + id.replace(/"/g, '\\"') + '"]');
        if (again) { again.focus(); }
      });
    });
  }

  // ---------- Đơn vị ----------
  function unitPage(unitId) {
    setPage('', 'Đơn vị ' + unitId);
    if (!state.period || kindOf(state.period) !== state.kind) { state.period = currentPeriod(state.kind); }
    var load = function () {
      var path = '/units/' + encodeURIComponent(unitId);
      return organisation().then(function () {
        // a parent's subtree rows, where the API serves them apart (?scope=subtree); own rows otherwise
        var parent = (state.organisation.units.filter(function (u) { return u.id === unitId; })[0] || {}).hasChildren;
        return Promise.all([api(path + '/kpis'), parent ? api(path + '/kpis?scope=subtree') : Promise.resolve(null),
          api('/open-cases'), api(path + '/open-cases'), api('/alerts'), correctiveActions()]);
      }).then(function (r) {
        state.actions = r[5];
        keepFocus(function () { drawUnit(unitId, mergeRows(r[0] || [], r[1] || []), r[2] || {}, r[3] || [], r[4] || []); });
      })
        .catch(function (e) { renderError(e, function () { if (current && current.name === 'unit') { load(); } }); });
    };
    current = { name: 'unit', interests: ['ROWS', 'ALERTS', 'CASES'], refresh: load };
    return load();
  }
  /** Own rows and subtree rows, each row once (an API without ?scope answers own rows again). */
  function mergeRows(rows, more) {
    var seen = {}, out = [];
    rows.concat(more).forEach(function (r) {
      var key = [r.unitId, r.fieldId, r.period, (r.scope || 'own').toLowerCase()].join('|');
      if (!seen[key]) { seen[key] = true; out.push(r); }
    });
    return out;
  }
  function drawUnit(unitId, rows, openCounts, openCases, alerts) {
    var name = unitName(unitId);
    var scopes = {};
    rows.forEach(function (r) { scopes[(r.scope || 'own').toLowerCase()] = true; });
    if (!scopes[state.unitScope]) { state.unitScope = scopes.own ? 'own' : 'subtree'; }
    var mine = rows.filter(function (r) { return (r.scope || 'own').toLowerCase() === state.unitScope; });
    var html = '<h1>' + h(name || unitId) + (name ? ' <span class="scope">(' + h(unitId) + ')</span>' : '') + '</h1>';
    html += periodBar();
    if (scopes.subtree && scopes.own) {
      html += '<div class="bar"><label>Phạm vi <select id="unit-scope"><option value="own"' +
        (state.unitScope === 'own' ? ' selected' : '') + '>Riêng đơn vị</option><option value="subtree"' +
        (state.unitScope === 'subtree' ? ' selected' : '') + '>Gồm đơn vị trực thuộc</option></select></label></div>';
    }
    // objectives by field, in the chosen period
    var inPeriod = mine.filter(function (r) { return r.period === state.period; })
      .sort(function (a, b) { return a.fieldId === '*' ? -1 : b.fieldId === '*' ? 1 : a.fieldId < b.fieldId ? -1 : 1; });
    var finality = inPeriod.length ? inPeriod[0].finality : null;
    html += '<h2>Chỉ tiêu theo lĩnh vực — ' + h(periodLabel(state.period)) + (finality ? ' <span class="scope" id="unit-finality">(' +
      (finality === 'final' ? 'số liệu chính thức' : 'số liệu tạm tính') + ')</span>' : '') + '</h2>' + legend();
    html += '<div class="table-wrap"><table id="unit-kpis"><thead><tr><th scope="col">Lĩnh vực</th>' +
      KPIS.map(function (k) { return '<th scope="col">' + k.label + '</th>'; }).join('') + '</tr></thead><tbody>';
    if (!inPeriod.length) {
      html += '<tr><td colspan="' + (KPIS.length + 1) + '" class="empty">Chưa có số liệu trong kỳ này.</td></tr>';
    }
    inPeriod.forEach(function (r) {
      html += '<tr><th scope="row">' + (r.fieldId === '*' ? 'Tất cả lĩnh vực' : h(r.fieldId)) + '</th>' +
        KPIS.map(function (k) { return kpiCell(kpiStatus(r, k.id)); }).join('') + '</tr>';
    });
    html += '</tbody></table></div>';
    // trend over the year's periods
    var year = state.period.substring(0, 4);
    var fields = {};
    mine.forEach(function (r) { fields[r.fieldId] = true; });
    var fieldOptions = Object.keys(fields).sort().map(function (f) {
      return '<option value="' + h(f) + '"' + (f === state.chartField ? ' selected' : '') + '>' +
        (f === '*' ? 'Tất cả lĩnh vực' : h(f)) + '</option>';
    }).join('');
    html += '<h2>Diễn biến trong năm ' + h(year) + ' (' + h(KINDS.filter(function (k) { return k.id === state.kind; })[0].label.toLowerCase()) +
      ')</h2><div class="bar"><label>Lĩnh vực <select id="chart-field">' + (fieldOptions || '<option value="*">Tất cả lĩnh vực</option>') +
      '</select></label></div><div class="charts">' +
      KPIS.map(function (k) { return '<div class="chart"><h3>' + k.label + '</h3><div id="chart-' + k.id + '"></div></div>'; }).join('') +
      '</div>';
    // open cases
    var counts = openCounts[unitId] || { open: 0, waitingOnCitizen: 0, dueSoon: 0, overdue: 0 };
    html += '<h2>Hồ sơ đang mở</h2><div class="cards">' +
      card('Đang mở', counts.open) + card('Chờ công dân bổ sung', counts.waitingOnCitizen) +
      card('Sắp đến hạn', counts.dueSoon) + card('Đang quá hạn', counts.overdue) + '</div>';
    html += '<div class="table-wrap"><table id="unit-open-cases"><caption class="skip">Hồ sơ đang mở, khẩn nhất trước</caption>' +
      '<thead><tr><th scope="col">Hồ sơ</th><th scope="col">Tình trạng</th><th scope="col">Lĩnh vực</th><th scope="col">Thủ tục</th>' +
      '<th scope="col">Hạn xử lý thực tế</th><th scope="col">Thời gian làm việc còn lại</th></tr></thead><tbody>' +
      (openCases.length ? openCases.map(function (c) {
        var standing = STANDINGS[c.state] || { word: c.state, state: 'none' };
        return '<tr data-standing="' + h(c.state) + '"><td>' + caseLink(c.caseId) + '</td><td><span class="state state-' +
          standing.state + '">' + standing.word + '</span></td><td>' + h(c.fieldId) + '</td><td>' + h(c.procedureId) + '</td><td>' +
          dateTime(c.effectiveDue) + '</td><td>' + (c.remainingWorkingTime ? escapeHtml(duration(c.remainingWorkingTime))
            : 'dừng tính (chờ công dân)') + '</td></tr>';
      }).join('') : '<tr><td colspan="6" class="empty">Không có hồ sơ đang mở.</td></tr>') + '</tbody></table></div>';
    // alerts
    var mineAlerts = alerts.filter(function (a) { return a.unitId === unitId; });
    html += '<h2>Cảnh báo đang mở</h2>' + alertTable(mineAlerts, 'unit-alerts');
    render(html);
    bindPeriodBar(function () { unitPage(unitId); });
    var scopeSelect = document.getElementById('unit-scope');
    if (scopeSelect) { scopeSelect.addEventListener('change', function (e) { state.unitScope = e.target.value; unitPage(unitId); }); }
    document.getElementById('chart-field').addEventListener('change', function (e) {
      state.chartField = e.target.value;
      drawUnit(unitId, rows, openCounts, openCases, alerts);
    });
    drawCharts(mine, year);
  }
  function card(label, value) {
    return '<div class="card"><div>' + label + '</div><div class="big">' + count(value) + '</div></div>';
  }
  function drawCharts(rows, year) {
    if (typeof uPlot === 'undefined') { return; }
    var periods = periodsOfYear(state.kind, parseInt(year, 10));
    var byPeriod = {};
    rows.forEach(function (r) { if (r.fieldId === state.chartField) { byPeriod[r.period] = r; } });
    KPIS.forEach(function (k) {
      var target = document.getElementById('chart-' + k.id);
      var xs = periods.map(function (p, i) { return i + 1; });
      var values = periods.map(function (p) {
        var s = kpiStatus(byPeriod[p], k.id);
        return s && isNumber(s.value) ? s.value * 100 : null;
      });
      var targets = periods.map(function (p) {
        var s = kpiStatus(byPeriod[p], k.id);
        return s && isNumber(s.target) ? s.target * 100 : null;
      });
      var width = Math.max(260, Math.min(target.parentNode.clientWidth - 20, 760));
      charts.push(new uPlot({
        width: width, height: 200,
        scales: { x: { time: false }, y: { range: function (u, min, max) { return [Math.min(min === null ? 80 : min, 80), 100]; } } },
        axes: [
          { values: function (u, splits) { return splits.map(function (i) { return periods[i - 1] ? shortPeriodLabel(periods[i - 1]) : ''; }); },
            incrs: [1] },
          { values: function (u, splits) { return splits.map(function (v) { return percentFormat.format(v).replace(/,00$/, '') + '%'; }); }, size: 60 }
        ],
        series: [
          { label: 'Kỳ', value: function (u, i) { return i && periods[i - 1] ? periodLabel(periods[i - 1]) : '—'; } },
          { label: 'Giá trị', stroke: '#0b5cad', width: 2, points: { show: true, size: 6 },
            value: function (u, v) { return v === null ? '—' : percentFormat.format(v) + '%'; } },
          { label: 'Mục tiêu', stroke: '#b3261e', dash: [6, 4], width: 1.5, points: { show: false },
            value: function (u, v) { return v === null ? '—' : percentFormat.format(v) + '%'; } }
        ]
      }, [xs, values, targets], target));
    });
  }

  // the corrective actions by alert key (the JSON text of the alert's key); none when they cannot be read now
  // An action just recorded from the form is kept until the list shows it: the store folds the event within a
  // commit interval, and a list read meanwhile would show the action as it was (docs/ARCHITECTURE.md, "Writing").
  function correctiveActions() {
    return api('/corrective-actions').then(function (list) {
      var byKey = {};
      (list || []).forEach(function (a) { byKey[a.alertKeyText] = a; });
      Object.keys(state.recorded).forEach(function (key) {
        var mine = state.recorded[key], read = byKey[key];
        if (read && read.action.events.length >= mine.action.events.length) { delete state.recorded[key]; } else { byKey[key] = mine; }
      });
      return byKey;
    // not read (e.g. 503 while an instance restores): null, so no alert is said to have none
    }).catch(function () { return null; });
  }
  function alertKeyText(a) {
    var key = [a.unitId, a.fieldId, a.period, a.kpi];
    if ((a.scope || '').toLowerCase() === 'subtree') { key.push('subtree'); }
    if (a.kind === 'AT_RISK') { key.push('AT_RISK'); }
    return JSON.stringify(key);
  }
  // "Đang thực hiện — hạn 31/12/2026; ghi nhận: truong-phuong, 05/12/2026 14:15" (or who acknowledged it)
  function actionCell(view) {
    if (!view) {
      return '<span class="meta">' + (state.actions === null ? 'Chưa đọc được, thử lại sau' : 'Chưa ghi nhận') + '</span>';
    }
    var a = view.action;
    var word = { OPEN: 'ok', DONE: 'ok', OVERDUE: 'bad' }[view.state] || 'none';
    var html = '<span class="state state-' + word + '" data-action-state="' + h(view.state) + '">' + h(view.stateName) + '</span>';
    if (a.due) {
      var d = a.due.split('-');
      html += ' <span class="meta">hạn ' + h(d[2] + '/' + d[1] + '/' + d[0]) + '</span>';
    }
    if (a.recordedBy) {
      html += '<br><span class="meta">ghi nhận: ' + h(a.recordedBy) + ', ' + dateTime(a.recordedAt) + '</span>';
    } else if (a.acknowledgedBy) {
      html += '<br><span class="meta">tiếp nhận: ' + h(a.acknowledgedBy) + ', ' + dateTime(a.acknowledgedAt) + '</span>';
    }
    if (a.action) { html += '<br>' + h(a.action) + (a.responsible ? ' <span class="meta">(' + h(a.responsible) + ')</span>' : ''); }
    return html;
  }
  function alertTable(alerts, id) {
    var actions = state.actions || {};
    var html = '<div class="table-wrap"><table id="' + id + '"><thead><tr><th scope="col">Loại</th><th scope="col">Đơn vị</th>' +
      '<th scope="col">Chỉ tiêu</th><th scope="col">Lĩnh vực</th><th scope="col">Kỳ</th><th scope="col" class="num">Giá trị</th>' +
      '<th scope="col" class="num">Mục tiêu</th><th scope="col" class="num">Số lượng</th><th scope="col">Dự báo</th>' +
      '<th scope="col">Phát sinh lúc</th><th scope="col">Hồ sơ / đơn vị gây ra</th><th scope="col">Khắc phục</th></tr></thead><tbody>';
    if (!alerts.length) {
      return html + '<tr><td colspan="12" class="empty">Không có cảnh báo.</td></tr></tbody></table></div>';
    }
    alerts.forEach(function (a) {
      var kind = a.kind === 'AT_RISK' ? 'risk' : 'bad';
      var kpi = KPIS.filter(function (k) { return k.id === a.kpi; })[0];
      var drivers = [];
      (a.drivingChildren || []).forEach(function (c) { drivers.push(unitLink(c.unitId) + ' (' + count(c.bad) + ')'); });
      if (a.drivingCases && a.drivingCases.length) {
        a.drivingCases.slice(0, 10).forEach(function (c) {
          drivers.push(caseLink(c.caseId) + (c.effectiveDue ? ' <span class="meta">hạn ' + dateTime(c.effectiveDue) + '</span>' : ''));
        });
      } else {
        (a.drivingIds || []).slice(0, 10).forEach(function (c) { drivers.push(caseLink(c)); });
      }
      var key = alertKeyText(a);
      state.alerts[key] = a;
      html += '<tr data-alert-kind="' + h(a.kind || 'BREACH') + '" data-alert-key="' + h(key) + '"><td>' + stateBadge(kind) + (a.stale ? ' <span class="scope">(kỳ đã kết thúc)</span>' : '') +
        '</td><td>' + unitLink(a.unitId) + ((a.scope || '').toLowerCase() === 'subtree' ? ' <span class="scope">(gồm trực thuộc)</span>' : '') +
        '</td><td>' + h(kpi ? kpi.label : a.kpi) + '</td><td>' + (a.fieldId === '*' ? 'Tất cả' : h(a.fieldId)) + '</td><td>' +
        h(periodLabel(a.period)) + '</td><td class="num">' + pct(a.value) + '</td><td class="num">' + pct(a.target) +
        '</td><td class="num">' + count(a.volume) + '</td><td>' + pct(a.forecast) + '</td><td>' + dateTime(a.raisedAt) + '</td><td>' +
        (drivers.length ? drivers.join(', ') : '—') + '</td><td class="action">' + actionCell(actions[key]) +
        '<br><button type="button" class="record" data-record="' + h(key) + '">Ghi nhận hành động khắc phục</button></td></tr>';
    });
    return html + '</tbody></table></div>';
  }

  // ---------- Ghi nhận hành động khắc phục ----------
  // One dialog outside <main>, opened from an alert's button: the live redraws of the page beneath leave what is
  // being typed alone. It posts to POST /api/v1/alerts/{alertKey}/actions with the session's cookie (signed in) or
  // the name typed in "Người ghi nhận" (sign-in off), and shows the server's reasons when it refuses.
  var ACTION_TYPES = [
    { id: 'record', label: 'Ghi nhận nguyên nhân, hành động, người chịu trách nhiệm và thời hạn (ghi lại lần nữa để đính chính)' },
    { id: 'acknowledge', label: 'Tiếp nhận cảnh báo' },
    { id: 'complete', label: 'Báo hoàn thành' }
  ];
  var dialog = null;
  function field(id) { return document.getElementById(id); }
  function actionDialog() {
    if (dialog) { return dialog; }
    dialog = document.createElement('dialog');
    dialog.id = 'action-dialog';
    dialog.setAttribute('aria-labelledby', 'action-title');
    dialog.innerHTML = '<form id="action-form" novalidate><h2 id="action-title">Ghi nhận hành động khắc phục</h2>' +
      '<p id="action-alert"></p><div id="action-current" class="meta"></div>' +
      '<fieldset><legend>Thao tác</legend>' + ACTION_TYPES.map(function (t, i) {
        return '<label class="choice"><input type="radio" name="action-type" value="' + t.id + '"' + (i === 0 ? ' checked' : '') +
          '> ' + t.label + '</label>';
      }).join('') + '</fieldset>' +
      '<div id="action-record-fields"><label>Nguyên nhân <textarea id="action-cause" rows="2"></textarea></label>' +
      '<label>Hành động khắc phục <textarea id="action-action" rows="2"></textarea></label>' +
      '<label>Người chịu trách nhiệm <input id="action-responsible" autocomplete="off"></label>' +
      '<label>Thời hạn hoàn thành (ngày/tháng/năm) <input id="action-due" placeholder="31/12/2026" inputmode="numeric" autocomplete="off"></label></div>' +
      '<label>Ghi chú (không bắt buộc) <textarea id="action-note" rows="2"></textarea></label>' +
      '<label id="action-by-box">Người ghi nhận <input id="action-by" autocomplete="name"></label>' +
      '<p id="action-signed-in" class="meta" hidden></p>' +
      '<ul id="action-problems" class="error" role="alert" hidden></ul>' +
      '<div class="buttons"><button type="submit" id="action-save">Lưu</button> <button type="button" id="action-close">Đóng</button></div></form>';
    document.body.appendChild(dialog);
    Array.prototype.forEach.call(dialog.querySelectorAll('input[name="action-type"]'), function (radio) {
      radio.addEventListener('change', showRecordFields);
    });
    field('action-close').addEventListener('click', function () { dialog.close(); });
    field('action-form').addEventListener('submit', function (e) { e.preventDefault(); saveAction(); });
    return dialog;
  }
  function actionType() { return dialog.querySelector('input[name="action-type"]:checked').value; }
  function showRecordFields() { field('action-record-fields').hidden = actionType() !== 'record'; }
  function openActionForm(key) {
    var a = state.alerts[key];
    var view = (state.actions || {})[key];
    var d = actionDialog();
    var kpi = KPIS.filter(function (k) { return k.id === a.kpi; })[0];
    d.setAttribute('data-alert-key', key);
    field('action-alert').innerHTML = '<strong>' + h(unitName(a.unitId) || a.unitId) + '</strong>' +
      ((a.scope || '').toLowerCase() === 'subtree' ? ' (gồm trực thuộc)' : '') + ' — ' + h(kpi ? kpi.label : a.kpi) +
      ', ' + (a.fieldId === '*' ? 'tất cả lĩnh vực' : 'lĩnh vực ' + h(a.fieldId)) + ', ' + h(periodLabel(a.period)) + ': ' +
      (ALERT_KINDS[a.kind || 'BREACH'] || '') + ', giá trị ' + pct(a.value) + ', mục tiêu ' + pct(a.target);
    field('action-current').innerHTML = 'Hiện tại: ' + actionCell(view);
    // a correction starts from what is recorded now
    var was = view ? view.action : {};
    field('action-cause').value = was.cause || '';
    field('action-action').value = was.action || '';
    field('action-responsible').value = was.responsible || '';
    field('action-due').value = was.due ? vietnameseDate(was.due) : '';
    field('action-note').value = '';
    field('action-by').value = state.by || '';
    dialog.querySelector('input[value="record"]').checked = true;
    showRecordFields();
    showProblems([]);
    caller().then(function (me) {
      var signedIn = !!(me && me.username);
      field('action-by-box').hidden = signedIn;
      field('action-signed-in').hidden = !signedIn;
      field('action-signed-in').textContent = signedIn ? 'Ghi nhận với tên ' + me.username + '.' : '';
      if (!d.open) { d.showModal(); }
      field('action-cause').focus();
    });
  }
  /** "2026-12-31" to "31/12/2026". */
  function vietnameseDate(iso) {
    var p = String(iso).split('-');
    return p[2] + '/' + p[1] + '/' + p[0];
  }
  /** "31/12/2026" (or "1/2/2027") to "2026-12-31"; null when it is not a date. */
  function isoDate(text) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) { return null; }
    var day = parseInt(m[1], 10), month = parseInt(m[2], 10), year = parseInt(m[3], 10);
    var d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) { return null; }
    return m[3] + '-' + (month < 10 ? '0' : '') + month + '-' + (day < 10 ? '0' : '') + day;
  }
  function showProblems(problems) {
    var box = field('action-problems');
    box.innerHTML = problems.map(function (p) { return '<li>' + escapeHtml(p) + '</li>'; }).join('');
    box.hidden = !problems.length;
  }
  function saveAction() {
    var key = dialog.getAttribute('data-alert-key');
    var type = actionType();
    var body = { type: type, note: field('action-note').value };
    if (type === 'record') {
      var due = field('action-due').value.trim();
      body.due = isoDate(due);
      if (!body.due) {
        showProblems([due ? 'Thời hạn hoàn thành "' + due + '" không phải là ngày hợp lệ: nhập ngày/tháng/năm, ví dụ 31/12/2026.'
          : 'Thời hạn hoàn thành là bắt buộc (ngày/tháng/năm, ví dụ 31/12/2026).']);
        return;
      }
      body.cause = field('action-cause').value;
      body.action = field('action-action').value;
      body.responsible = field('action-responsible').value;
    }
    if (!field('action-by-box').hidden) {
      body.by = field('action-by').value;
      state.by = body.by;
    }
    var save = field('action-save');
    save.disabled = true;
    fetch('/api/v1/alerts/' + encodeURIComponent(key) + '/actions', {
      method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) { location.href = '/login.html'; }
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok) {
          state.recorded[key] = answer.action;
          state.actions = state.actions || {};
          state.actions[key] = answer.action;
          dialog.close();
          if (current) { current.refresh(); }
          return;
        }
        showProblems(answer.problems && answer.problems.length ? answer.problems
          : [answer.message || 'Không ghi nhận được (HTTP ' + response.status + ').']);
      });
    }).catch(function (e) {
      showProblems(['Không gửi được: ' + (e && e.message ? e.message : String(e))]);
    }).then(function () { save.disabled = false; });
  }
  main.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-record]') : null;
    if (button) { openActionForm(button.getAttribute('data-record')); }
  });

  // ---------- Hồ sơ ----------
  function casePage(caseId) {
    setPage('', 'Hồ sơ ' + caseId);
    var load = function () {
      return Promise.all([organisation(), api('/cases/' + encodeURIComponent(caseId))])
        .then(function (r) { keepFocus(function () { drawCase(caseId, r[1]); }); })
        .catch(function (e) { renderError(e, function () { if (current && current.name === 'case') { load(); } }); });
    };
    current = { name: 'case', interests: ['CASES', 'ROWS'], refresh: load };
    return load();
  }
  function drawCase(caseId, c) {
    if (!c) {
      render('<h1>Hồ sơ ' + h(caseId) + '</h1><p class="notice">Chưa có sự kiện nào của hồ sơ này.</p>');
      return;
    }
    var facts = [
      ['Trạng thái', CASE_STATUS[c.status] || c.status],
      ['Đơn vị', c.unitId ? unitLink(c.unitId) : '—', true],
      ['Lĩnh vực', c.fieldId], ['Thủ tục', c.procedureId],
      ['Kênh nộp', CHANNELS[c.channel] || c.channel],
      ['Đủ điều kiện trực tuyến toàn trình', c.onlineEligible === null || c.onlineEligible === undefined ? null : (c.onlineEligible ? 'Có' : 'Không')],
      ['Tiếp nhận lúc', dateTime(c.receivedAt)], ['Hạn xử lý', dateTime(c.dueAt)],
      ['Hạn xử lý thực tế (sau tạm dừng)', dateTime(c.effectiveDue)],
      ['Thời gian làm việc còn lại', c.remainingWorkingTime ? duration(c.remainingWorkingTime) : null],
      ['Đã gia hạn', c.extended ? 'Có' : 'Không'],
      ['Giải quyết lúc', c.resolvedAt ? dateTime(c.resolvedAt) : null], ['Kết quả', c.result],
      ['Phân loại', c.classification ? CLASSIFICATION[c.classification] || c.classification : null],
      ['Rút hồ sơ lúc', c.withdrawnAt ? dateTime(c.withdrawnAt) : null]
    ];
    var html = '<h1>Hồ sơ ' + h(caseId) + '</h1><dl class="facts">' + facts.map(function (f) {
      return '<dt>' + f[0] + '</dt><dd>' + (f[2] ? f[1] : h(f[1])) + '</dd>';
    }).join('') + '</dl>';
    html += '<h2>Tạm dừng (chờ công dân bổ sung)</h2><div class="table-wrap"><table id="case-pauses"><thead><tr>' +
      '<th scope="col">Bắt đầu</th><th scope="col">Kết thúc</th><th scope="col">Hạn mới sau khi nhận bổ sung</th></tr></thead><tbody>' +
      ((c.pauses || []).length ? c.pauses.map(function (p) {
        return '<tr><td>' + dateTime(p.start) + '</td><td>' + (p.end ? dateTime(p.end) : 'đang tạm dừng') + '</td><td>' +
          dateTime(p.restartedDue) + '</td></tr>';
      }).join('') : '<tr><td colspan="3" class="empty">Không có lần tạm dừng.</td></tr>') + '</tbody></table></div>';
    html += '<h2>Sự kiện theo thứ tự</h2><div class="table-wrap"><table id="case-events"><thead><tr><th scope="col">#</th>' +
      '<th scope="col">Thời điểm</th><th scope="col">Sự kiện</th><th scope="col">Chi tiết</th><th scope="col">Nguồn</th></tr></thead><tbody>' +
      ((c.events || []).length ? c.events.map(function (e, i) {
        var details = [];
        if (e.dueAt) { details.push('hạn ' + dateTime(e.dueAt)); }
        if (e.channel) { details.push(CHANNELS[e.channel] || e.channel); }
        if (e.result) { details.push('kết quả ' + e.result); }
        return '<tr><td class="num">' + (i + 1) + '</td><td>' + dateTime(e.occurredAt) + '</td><td>' + h(EVENT_TYPES[e.type] || e.type) +
          '</td><td>' + (details.length ? escapeHtml(details.join(', ')) : '—') + '</td><td>' + h(e.source) + '</td></tr>';
      }).join('') : '<tr><td colspan="5" class="empty">Không có sự kiện.</td></tr>') + '</tbody></table></div>';
    render(html);
  }

  // ---------- Cảnh báo ----------
  function alertsPage() {
    setPage('alerts', 'Cảnh báo');
    var load = function () {
      // the verdicts are read beside the alerts; while the archive is still being read (503) the page says so
      return Promise.all([organisation(), api('/alerts?includeStale=true'), correctiveActions(),
        api('/verdicts').catch(function () { return null; })])
        .then(function (r) { state.actions = r[2]; keepFocus(function () { drawAlerts(r[0], r[1] || [], r[3]); }); })
        .catch(function (e) { renderError(e, function () { if (current && current.name === 'alerts') { load(); } }); });
    };
    current = { name: 'alerts', interests: ['ALERTS'], refresh: load };
    return load();
  }
  function drawAlerts(org, alerts, verdicts) {
    var units = {};
    org.units.forEach(function (u) { units[u.id] = u.name; });
    alerts.forEach(function (a) { if (!(a.unitId in units)) { units[a.unitId] = null; } });
    (verdicts || []).forEach(function (v) { if (!(v.unitId in units)) { units[v.unitId] = null; } });
    var unitOptions = '<option value="">Tất cả đơn vị</option>' + Object.keys(units).map(function (id) {
      return '<option value="' + h(id) + '"' + (id === state.alertUnit ? ' selected' : '') + '>' + h(units[id] || id) + '</option>';
    }).join('');
    var kindOptions = '<option value="">Mọi loại</option>' + Object.keys(ALERT_KINDS).concat(['VERDICT']).map(function (k) {
      return '<option value="' + k + '"' + (k === state.alertKind ? ' selected' : '') + '>' +
        (k === 'VERDICT' ? 'Kết luận' : ALERT_KINDS[k]) + '</option>';
    }).join('');
    var filtered = alerts.filter(function (a) {
      return (!state.alertUnit || a.unitId === state.alertUnit) && (!state.alertKind || (a.kind || 'BREACH') === state.alertKind);
    });
    var open = filtered.filter(function (a) { return !a.stale; });
    var recent = filtered.filter(function (a) { return a.stale; });
    var html = '<h1>Cảnh báo</h1><div class="bar"><label>Đơn vị <select id="alert-unit">' + unitOptions + '</select></label>' +
      '<label>Loại <select id="alert-kind">' + kindOptions + '</select></label></div>';
    if (state.alertKind !== 'VERDICT') {
      html += '<h2>Đang mở (' + count(open.length) + ')</h2>' + alertTable(open, 'alerts-open') +
        '<h2>Các kỳ đã kết thúc (' + count(recent.length) + ')</h2>' + alertTable(recent, 'alerts-recent');
    }
    if (!state.alertKind || state.alertKind === 'VERDICT') {
      var mine = (verdicts || []).filter(function (v) { return !state.alertUnit || v.unitId === state.alertUnit; });
      html += '<h2>Kết luận (' + count(mine.length) + ')</h2>' + (verdicts === null
        ? '<p class="empty" id="verdicts-wait">Đang đọc kho kết luận đã lưu, trang sẽ cập nhật sau ít giây.</p>'
        : verdictTable(mine, 'verdicts'));
    }
    render(html);
    document.getElementById('alert-unit').addEventListener('change', function (e) { state.alertUnit = e.target.value; drawAlerts(org, alerts, verdicts); });
    document.getElementById('alert-kind').addEventListener('change', function (e) { state.alertKind = e.target.value; drawAlerts(org, alerts, verdicts); });
  }
  // the verdicts (revision 0) and corrections of ended periods, with the archived PDF of the latest revision
  function verdictTable(verdicts, id) {
    var html = '<div class="table-wrap"><table id="' + id + '"><thead><tr><th scope="col">Đơn vị</th><th scope="col">Kỳ</th>' +
      '<th scope="col">Bản</th><th scope="col">Chính thức từ</th><th scope="col" class="num">Đạt</th>' +
      '<th scope="col" class="num">Không đạt</th><th scope="col" class="num">Chưa đủ số lượng</th>' +
      '<th scope="col" class="num">Chưa có dữ liệu</th><th scope="col">Báo cáo</th></tr></thead><tbody>';
    if (!verdicts.length) {
      return html + '<tr><td colspan="9" class="empty">Chưa có kết luận.</td></tr></tbody></table></div>';
    }
    verdicts.forEach(function (v) {
      var counts = v.counts || {};
      html += '<tr data-revision="' + h(v.revision) + '"><td>' + unitLink(v.unitId) +
        ((v.scope || '').toLowerCase() === 'subtree' ? ' <span class="scope">(gồm trực thuộc)</span>' : '') + '</td><td>' +
        h(periodLabel(v.period)) + '</td><td>' + (v.revision > 0 ? 'Đính chính lần ' + count(v.revision) : 'Kết luận') +
        '</td><td>' + dateTime(v.finalAt) + '</td><td class="num">' + stateBadge('ok') + ' ' + count(counts.MET) +
        '</td><td class="num">' + stateBadge('bad') + ' ' + count(counts.NOT_MET) + '</td><td class="num">' +
        count(counts.LOW_VOLUME) + '</td><td class="num">' + count(counts.NO_DATA) + '</td><td>' +
        (v.latest ? '<a href="' + h(v.reportPath) + '" target="_blank" rel="noopener">Tải PDF</a>'
          : '<span class="meta">đã được đính chính</span>') + '</td></tr>';
    });
    return html + '</tbody></table></div>';
  }

  // ---------- routing ----------
  function route() {
    var hash = location.hash || '#/overview';
    var m;
    if ((m = /^#\/units\/(.+)$/.exec(hash))) { return unitPage(decodeURIComponent(m[1])); }
    if ((m = /^#\/cases\/(.+)$/.exec(hash))) { return casePage(decodeURIComponent(m[1])); }
    if (hash === '#/alerts') { return alertsPage(); }
    if (hash !== '#/overview') { history.replaceState(null, '', '#/overview'); }
    return overview();
  }
  window.addEventListener('hashchange', function () { route(); main.focus(); });

  // ---------- live updates ----------
  // A busy province changes rows several times a second: the page reads the API at most once a second
  // (still well within 2 s of a change), so that it does not flicker and a reader can use the controls.
  var REFRESH_GAP_MS = 1000;
  var pending = null;
  var lastRefresh = 0;
  var lastVersion = -1;
  function refreshSoon() {
    if (pending) { return; }
    var wait = Math.max(100, REFRESH_GAP_MS - (Date.now() - lastRefresh));
    pending = setTimeout(function () {
      pending = null;
      lastRefresh = Date.now();
      if (current) { current.refresh(); }
    }, wait);
  }
  function connect() {
    var source = new EventSource('/api/v1/changes');
    var wasLost = false;
    source.onopen = function () {
      liveBox.setAttribute('data-state', 'live');
      liveBox.textContent = 'Trực tiếp';
      if (wasLost) { wasLost = false; refreshSoon(); }
    };
    source.onmessage = function (message) {
      var notice;
      try { notice = JSON.parse(message.data); } catch (e) { return; }
      liveBox.setAttribute('data-state', 'live');
      liveBox.textContent = 'Trực tiếp';
      var kinds = notice.kinds || [];
      var matters = current && kinds.some(function (k) { return current.interests.indexOf(k) >= 0; });
      if (lastVersion >= 0 && notice.version !== lastVersion && matters) { refreshSoon(); }
      lastVersion = notice.version;
    };
    source.onerror = function () {
      wasLost = true;
      liveBox.setAttribute('data-state', 'lost');
      liveBox.textContent = 'Mất kết nối — đang thử kết nối lại…';
      if (source.readyState === EventSource.CLOSED) {
        // the browser gave up (e.g. an HTTP error): start again a little later
        setTimeout(connect, 2000);
      }
    };
  }

  // the signed-in user and a sign-out link, when sign-in is required (docs/SECURITY.md)
  caller().then(function (me) {
    if (!me || !me.username) { return; }
    var box = document.getElementById('user');
    box.textContent = me.username + (me.unit ? ' (' + me.unit + ')' : '') + ' · ';
    var out = document.createElement('a');
    out.href = '/logout';
    out.textContent = 'Đăng xuất';
    box.appendChild(out);
    box.hidden = false;
  }).catch(function () { /* the console works without it */ });

  route();
  connect();
}());
