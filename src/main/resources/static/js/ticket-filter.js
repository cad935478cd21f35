// Live client filter for /tickets. Without JavaScript the filter form is a plain GET form; with it,
// changing the client refreshes the table from /api/tickets without a page load. All text comes
// from data attributes rendered by the server (messages.properties); values are set with
// textContent, never innerHTML, so ticket titles cannot inject markup.
(function () {
  'use strict';
  var form = document.getElementById('ticket-filter');
  var table = document.getElementById('ticket-table');
  var select = document.getElementById('filter-client');
  if (!form || !table || !select || !window.fetch) {
    return;
  }
  var body = table.tBodies[0];
  var count = document.getElementById('ticket-count');
  var empty = document.getElementById('ticket-empty');
  var pages = document.getElementById('ticket-pages');
  var labels = table.dataset;

  function cell(row, text) {
    var td = row.insertCell();
    td.textContent = text;
    return td;
  }

  function badge(status) {
    var span = document.createElement('span');
    span.className = 'badge rounded-pill status-badge status-' + status.toLowerCase();
    span.textContent = labels['status-' + status.toLowerCase()] || status;
    return span;
  }

  function dateCell(row, ticket) {
    var td = row.insertCell();
    var date = document.createElement('span');
    date.textContent = ticket.targetDate || '\u2014';
    td.appendChild(date);
    if (ticket.overdue) {
      date.className = 'overdue';
      var label = document.createElement('span');
      label.className = 'badge text-bg-danger ms-1';
      label.textContent = labels.labelOverdue;
      td.appendChild(document.createTextNode(' '));
      td.appendChild(label);
    }
  }

  function render(data) {
    body.replaceChildren();
    data.items.forEach(function (ticket) {
      var row = body.insertRow();
      cell(row, ticket.id);
      var link = document.createElement('a');
      link.href = form.getAttribute('action') + '/' + ticket.id;
      link.textContent = ticket.title;
      row.insertCell().appendChild(link);
      cell(row, ticket.client.name);
      cell(row, ticket.priority == null ? '\u2014' : ticket.priority);
      row.insertCell().appendChild(badge(ticket.status));
      cell(row, ticket.assignee ? ticket.assignee.displayName : labels.labelUnassigned);
      dateCell(row, ticket);
    });
    if (count) {
      var label = data.totalCapped ? labels.labelCountCapped : labels.labelCount;
      count.textContent = label.replace('{0}', data.total.toLocaleString('en'));
    }
    if (empty) {
      empty.hidden = data.items.length > 0;
    }
    if (pages) {
      // Page links belong to the old filter; the form's submit button gives fresh ones.
      pages.hidden = true;
    }
  }

  select.addEventListener('change', function () {
    var params = new URLSearchParams(new FormData(form));
    params.set('page', '0');
    fetch(form.getAttribute('action').replace(/\/tickets$/, '/api/tickets') + '?' + params.toString(), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (data) {
      render(data);
      history.replaceState(null, '', '?' + params.toString());
    }).catch(function () {
      form.submit(); // fall back to the plain form
    });
  });
}());
