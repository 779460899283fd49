// The agents' inbox page. Plain JS, no framework: polls the queue every few seconds, shows one handoff at a time,
// and sends every action to /api/inbox/… (the server applies the handoff rules and decides who is signed in).
// Customer text is only ever inserted with textContent.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { me: null, list: [], selected: null, detail: null, replyKey: null, checkTimer: 0, pollTimer: 0, busy: false };

  async function api(method, url, body) {
    const options = { method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') {
      options.headers['X-SocialBot-Inbox'] = '1';
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body || {});
    }
    const response = await fetch(url, options);
    let json = null;
    if (response.status !== 204) {
      try { json = await response.json(); } catch { json = null; }
    }
    if (response.status === 401) {
      window.location.assign('/inbox');
    }
    return { status: response.status, ok: response.ok, json };
  }

  function say(text, isError) {
    const status = $('status');
    status.textContent = text || '';
    status.classList.toggle('error', !!isError);
  }

  function duration(seconds) {
    const negative = seconds < 0;
    let s = Math.abs(seconds);
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60);
    const text = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
    return negative ? `-${text}` : text;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function query() {
    const params = new URLSearchParams();
    const status = $('f-status').value;
    if (status && status !== 'all') params.set('status', status);
    if ($('f-priority').value) params.set('priority', $('f-priority').value);
    if ($('f-network').value) params.set('network', $('f-network').value);
    if ($('f-overdue').checked) params.set('overdue', 'true');
    return params.toString();
  }

  async function refreshList() {
    const result = await api('GET', '/api/inbox/handoffs?' + query());
    if (!result.ok) { say(result.json?.error || `The queue could not be loaded (${result.status}).`, true); return; }
    let items = result.json;
    if (!$('f-status').value) items = items.filter((h) => h.status !== 'resolved');
    state.list = items;
    renderList();
    addNetworks(items);
  }

  function addNetworks(items) {
    const select = $('f-network');
    const known = new Set([...select.options].map((o) => o.value));
    for (const network of new Set(items.map((h) => h.network))) {
      if (!known.has(network)) select.append(new Option(network, network));
    }
  }

  function renderList() {
    const list = $('list');
    const focusedId = document.activeElement?.dataset?.id;
    list.replaceChildren();
    for (const h of state.list) {
      const li = el('li');
      const button = el('button', `item ${h.priority}${h.overdue ? ' overdue' : ''}`);
      button.type = 'button';
      button.dataset.id = h.id;
      if (h.id === state.selected) button.setAttribute('aria-current', 'true');
      const badges = el('span');
      if (h.priority === 'urgent') badges.append(el('span', 'badge urgent', 'Urgent'), ' ');
      if (h.overdue) badges.append(el('span', 'badge overdue', 'Overdue'), ' ');
      badges.append(el('span', 'badge', h.network));
      const who = el('span', null, h.author);
      const when = el('span', 'when');
      when.textContent = `age ${duration(h.ageSeconds)}` + (h.staffedSecondsLeft === null || h.staffedSecondsLeft === undefined
        ? '' : h.staffedSecondsLeft >= 0 ? ` · ${duration(h.staffedSecondsLeft)} left` : ` · ${duration(-h.staffedSecondsLeft)} over`);
      when.title = 'Time left until due, counted in staffed hours';
      button.append(badges, who, when);
      const holder = h.status === 'claimed' ? (h.mine ? 'Claimed by you' : `Claimed by ${h.claimedBy}`) : h.status === 'resolved' ? 'Resolved' : 'Open';
      button.append(el('span', 'holder', holder), el('span', 'excerpt', h.excerpt));
      button.setAttribute('aria-label', `${h.priority === 'urgent' ? 'Urgent, ' : ''}${h.overdue ? 'overdue, ' : ''}${h.network}, ${h.author}, ${holder}`);
      button.addEventListener('click', () => select(h.id, true));
      li.append(button);
      list.append(li);
    }
    $('count').textContent = `(${state.list.length})`;
    $('empty').hidden = state.list.length > 0;
    if (focusedId) list.querySelector(`[data-id="${CSS.escape(focusedId)}"]`)?.focus();
  }

  async function select(id, focus) {
    if (state.selected !== id) {
      state.selected = id;
      $('reply').value = '';
      state.replyKey = null;
      $('warning').hidden = true;
      $('confirm').checked = false;
    }
    const result = await api('GET', '/api/inbox/handoff?id=' + encodeURIComponent(id));
    if (!result.ok) { say(result.json?.error || `That handoff could not be loaded (${result.status}).`, true); return; }
    showDetail(result.json);
    renderList();
    if (focus) $('detail').focus();
  }

  function showDetail(d) {
    state.detail = d;
    state.selected = d.summary.id;
    const s = d.summary;
    $('placeholder').hidden = true;
    $('pane').hidden = false;
    const priority = $('d-priority');
    priority.textContent = s.priority === 'urgent' ? 'Urgent' : 'Normal';
    priority.className = 'badge' + (s.priority === 'urgent' ? ' urgent' : '');
    const visibility = $('d-visibility');
    visibility.textContent = s.isPublic ? 'Public' : 'Private';
    visibility.className = 'badge ' + (s.isPublic ? 'public' : 'private');
    $('d-network').textContent = s.network;
    $('d-state').textContent = s.status === 'claimed' ? (s.mine ? 'You hold it' : `Held by ${s.claimedBy}`) : s.status === 'resolved' ? 'Resolved' : 'Open: nobody holds it';
    const due = $('d-due');
    due.textContent = s.dueBy ? (s.overdue ? `Overdue since ${new Date(s.dueBy).toLocaleString()}` : `Due ${new Date(s.dueBy).toLocaleString()} (${duration(s.staffedSecondsLeft ?? 0)} of staffed time left)`) : '';
    due.className = s.overdue ? 'badge overdue' : '';
    $('d-author').textContent = [d.author.name, d.author.handle ? '@' + d.author.handle.replace(/^@/, '') : null].filter(Boolean).join(' ') || d.author.id;
    $('d-received').textContent = `wrote ${new Date(d.receivedAt).toLocaleString()}${d.arrivedAfterHours ? ' (after hours)' : ''}`;
    $('d-text').textContent = d.text;
    $('d-sentiment').textContent = d.sentiment
      ? `Sentiment: ${d.sentiment.label} (${d.sentiment.score.toFixed(2)}, ${d.sentiment.analyzer})${d.sentiment.cues.length ? ' · cues: ' + d.sentiment.cues.join(', ') : ''}`
      : 'Sentiment: not analysed';
    $('d-reasons').textContent = d.reasons.length ? 'Handed off because: ' + d.reasons.join('; ') : '';
    const conversation = $('d-conversation');
    conversation.replaceChildren();
    for (const entry of d.conversation) {
      const li = el('li', `${entry.from}-msg`);
      const label = entry.from === 'customer' ? 'Customer' : entry.from === 'bot' ? 'Automatic acknowledgement' : `Agent ${entry.agent ?? ''}`;
      li.append(el('span', 'from', `${label} · ${new Date(entry.at).toLocaleString()}`), document.createTextNode(entry.text));
      conversation.append(li);
    }
    const trace = $('d-trace');
    trace.replaceChildren(...d.trace.map((line) => el('li', null, line)));
    const audit = $('d-audit');
    audit.replaceChildren(...d.audit.map((a) => el('li', null, `${new Date(a.at).toLocaleString()} · ${a.agent} ${a.action}${a.note ? ': ' + a.note : ''}`)));
    const resolved = s.status === 'resolved';
    const heldByOther = s.status === 'claimed' && !s.mine;
    const supervisor = state.me?.supervisor;
    $('claim').disabled = resolved || s.mine || heldByOther;
    $('extend').disabled = !s.mine;
    $('release').disabled = resolved || !(s.mine || (heldByOther && supervisor));
    $('resolve').disabled = resolved || heldByOther;
    $('send').disabled = resolved || heldByOther;
    $('reply').disabled = resolved || heldByOther;
    $('note').disabled = resolved || heldByOther;
    $('reply-visibility').textContent = s.isPublic ? '(public: everyone can read it)' : '(private message)';
    updateCounter(d.reply.length === 0 && $('reply').value ? null : d.reply);
    if ($('reply').value) scheduleCheck();
  }

  function updateCounter(check) {
    if (!check) return;
    const counting = check.counting === 'twitterWeighted' ? 'as X counts' : check.counting === 'graphemes' ? 'characters' : 'UTF-16 units';
    const counter = $('counter');
    counter.textContent = `${check.length} / ${check.limit} (${counting})`;
    counter.classList.toggle('over', check.tooLong);
    const warning = $('warning');
    if (check.needsConfirmation) {
      $('warning-text').textContent = `This reply is public and contains what looks like a ${check.personalDetails.join(' and a ')}. Everyone can read it.`;
      warning.hidden = false;
    } else {
      warning.hidden = true;
      $('confirm').checked = false;
    }
  }

  function scheduleCheck() {
    clearTimeout(state.checkTimer);
    state.checkTimer = setTimeout(async () => {
      if (!state.selected) return;
      const result = await api('POST', '/api/inbox/check', { id: state.selected, text: $('reply').value });
      if (result.ok) updateCounter(result.json);
    }, 120);
  }

  async function act(path, body, done) {
    if (!state.selected || state.busy) return;
    state.busy = true;
    try {
      const result = await api('POST', `/api/inbox/handoff/${path}?id=` + encodeURIComponent(state.selected), body);
      if (result.ok) {
        showDetail(result.json);
        say(done);
        await refreshList();
      } else {
        say(result.json?.error || `That did not work (${result.status}).`, true);
        if (result.json?.code === 'personal-details') $('warning').hidden = false;
        await select(state.selected, false);
        await refreshList();
      }
      return result;
    } finally {
      state.busy = false;
    }
  }

  async function claimNext() {
    const result = await api('POST', '/api/inbox/next');
    if (result.status === 204) { say('Nothing is waiting.'); return; }
    if (!result.ok) { say(result.json?.error || `Could not claim (${result.status}).`, true); return; }
    state.selected = null;
    showDetail(result.json);
    say(`You claimed ${result.json.summary.id}.`);
    await refreshList();
    $('reply').focus();
  }

  async function send(event) {
    event?.preventDefault();
    const text = $('reply').value.trim();
    if (!text) { say('Write a reply first.', true); $('reply').focus(); return; }
    state.replyKey = state.replyKey || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    const result = await act('reply', { text, replyKey: state.replyKey, confirmPersonalDetails: $('confirm').checked }, 'Reply sent. Resolve the handoff when you are done (e).');
    if (result?.ok) {
      $('reply').value = '';
      state.replyKey = null;
      $('warning').hidden = true;
      $('confirm').checked = false;
    } else if (result?.json?.code === 'personal-details') {
      $('confirm').focus();
    }
  }

  function move(step) {
    if (state.list.length === 0) return;
    const index = state.list.findIndex((h) => h.id === state.selected);
    const next = state.list[Math.max(0, Math.min(state.list.length - 1, index + step))];
    if (next) select(next.id, false).then(() => $('list').querySelector(`[data-id="${CSS.escape(next.id)}"]`)?.focus());
  }

  function typing(target) {
    return target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT');
  }

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target === $('reply')) { send(event); return; }
    if (event.key === 'Escape' && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'n') { event.preventDefault(); claimNext(); }
    else if (event.key === 'r') { event.preventDefault(); if (!$('reply').disabled) $('reply').focus(); }
    else if (event.key === 'e') { event.preventDefault(); if (!$('resolve').disabled) $('resolve').click(); }
    else if (event.key === 'j') { event.preventDefault(); move(1); }
    else if (event.key === 'k') { event.preventDefault(); move(-1); }
  });

  async function poll() {
    try {
      await refreshList();
      if (state.selected && !state.busy && document.activeElement !== $('reply')) {
        const result = await api('GET', '/api/inbox/handoff?id=' + encodeURIComponent(state.selected));
        if (result.ok) showDetail(result.json);
      }
    } finally {
      state.pollTimer = setTimeout(poll, (state.me?.pollSeconds || 2) * 1000);
    }
  }

  async function start() {
    const me = await api('GET', '/api/inbox/me');
    if (!me.ok) { say(me.json?.error || 'Sign in first.', true); return; }
    state.me = me.json;
    $('me').textContent = me.json.displayName;
    $('roles').textContent = me.json.supervisor ? '(supervisor)' : '(agent)';
    $('dashboard-link').hidden = !me.json.supervisor;
    $('next').addEventListener('click', claimNext);
    $('claim').addEventListener('click', () => act('claim', {}, 'You hold this handoff now.'));
    $('extend').addEventListener('click', () => act('extend', {}, 'Your claim was extended.'));
    $('release').addEventListener('click', () => act('release', {}, 'Released: it is back in the queue.'));
    $('resolve').addEventListener('click', async () => {
      const result = await act('resolve', { note: $('note').value.trim() || null }, 'Resolved.');
      if (result?.ok) $('note').value = '';
    });
    $('reply-form').addEventListener('submit', send);
    $('reply').addEventListener('input', scheduleCheck);
    $('filters').addEventListener('change', refreshList);
    document.body.dataset.ready = 'true';
    await poll();
  }

  start();
})();
