// Drag and drop on the boards (/queues/{clientId}/board, /my/board; docs/RULES.md#the-board). The
// pages work without JavaScript: every card has the workflow buttons (and, on a queue's board, the
// move controls) as plain forms. This script lets a mouse user drag a card instead:
// - to another column: the workflow step to that status (POST /tickets/{id}/transition, to=STATUS),
//   offered only where the card's data-next allows it; a drop never changes the rank there;
// - onto another card of its own column (queue boards only): the queue move to that card's rank
//   (POST /tickets/{id}/move, position=its data-priority), as dropping a row on the queue page.
// Both are the forms' own endpoints, asked for JSON (Accept: application/json) with the page's CSRF
// token. While the server answers, the card waits where it was dropped; a refusal (the workflow does
// not allow the step any more, someone else changed the ticket: 409) puts it back and shows the
// server's message on the card. A success reloads the board from the server, the truth.
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board || !window.fetch || !window.DOMParser || !('draggable' in document.createElement('li'))) {
    return;
  }
  var status = document.getElementById('board-status');
  var reorder = board.dataset.reorder === 'true';
  var dragged = null;
  var busy = false;

  function cardOf(node) {
    return node && node.closest ? node.closest('.board-card') : null;
  }

  function columnOf(node) {
    return node && node.closest ? node.closest('.board-column') : null;
  }

  function cardsOf(column) {
    return Array.prototype.slice.call(column.querySelectorAll('.board-card'));
  }

  function prepare() {
    board.querySelectorAll('.board-card').forEach(function (card) {
      card.draggable = true;
      card.title = board.dataset.dragHint || '';
    });
  }

  // Same column: a reorder (queue boards only); another column: a step this card may take.
  function allowed(card, column) {
    var to = column.dataset.status;
    if (to === card.dataset.status) {
      return reorder;
    }
    return (card.dataset.next || '').split(' ').indexOf(to) >= 0;
  }

  function markColumns(card) {
    board.querySelectorAll('.board-column').forEach(function (column) {
      var ok = allowed(card, column);
      column.classList.toggle('drop-allowed', ok);
      column.classList.toggle('drop-refused', !ok);
    });
  }

  function clearMarks(all) {
    var selector = all ? '.drop-allowed, .drop-refused, .drop-over, .drop-target' : '.drop-over, .drop-target';
    board.querySelectorAll(selector).forEach(function (element) {
      element.classList.remove('drop-over', 'drop-target');
      if (all) {
        element.classList.remove('drop-allowed', 'drop-refused');
      }
    });
  }

  function hideMessages() {
    board.querySelectorAll('.board-card-message').forEach(function (message) {
      message.hidden = true;
      message.textContent = '';
    });
  }

  function csrfToken() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : null;
  }

  // The card's own link (/tickets/{id}, with the app's context path) + "/transition" or "/move".
  function actionOf(card, action) {
    var link = card.querySelector('.board-card-title a');
    return link.getAttribute('href') + '/' + action;
  }

  function send(card, action, fields, origin) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (name) {
      body.append(name, fields[name]);
    });
    var token = csrfToken();
    if (token) {
      body.append('_csrf', token);
    }
    busy = true;
    card.classList.add('saving');
    card.setAttribute('aria-busy', 'true');
    fetch(actionOf(card, action), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body
    }).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') >= 0;
      // Anything but JSON (a sign-in page after an expired session, an error page) is a failure.
      return (json ? response.json() : Promise.resolve({})).then(function (answer) {
        if (response.ok && json) {
          refresh(answer.message, card.id);
        } else {
          refuse(card, origin, answer.message || board.dataset.failed);
        }
      });
    }).catch(function () {
      refuse(card, origin, board.dataset.failed);
    });
  }

  function refuse(card, origin, message) {
    busy = false;
    origin.parent.insertBefore(card, origin.next);
    card.classList.remove('saving');
    card.removeAttribute('aria-busy');
    var place = card.querySelector('.board-card-message');
    place.textContent = message;
    place.hidden = false;
  }

  // The board as the server has it now; the message in the page's status line.
  function refresh(message, cardId) {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('board');
        if (!fresh) {
          window.location.reload();
          return;
        }
        board.innerHTML = fresh.innerHTML;
        prepare();
        busy = false;
        if (status) {
          status.textContent = message || '';
        }
        var card = document.getElementById(cardId);
        if (card) {
          card.scrollIntoView({ block: 'nearest' });
        }
      })
      .catch(function () {
        window.location.reload();
      });
  }

  // Where a card lands in another column while the server decides: in rank order on a queue's
  // board; at the end on a developer's board (ordered by client, then rank).
  function placeInColumn(card, column) {
    var list = column.querySelector('.board-cards');
    var rank = Number(card.dataset.priority);
    var before = reorder ? cardsOf(column).filter(function (other) {
      return Number(other.dataset.priority) > rank;
    })[0] : null;
    list.insertBefore(card, before || null);
  }

  board.addEventListener('dragstart', function (event) {
    var card = cardOf(event.target);
    if (!card || busy) {
      if (busy) {
        event.preventDefault();
      }
      return;
    }
    dragged = card;
    hideMessages();
    card.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    // Firefox only starts a drag when some data is set.
    event.dataTransfer.setData('text/plain', card.dataset.ticketId || '');
    markColumns(card);
  });

  board.addEventListener('dragover', function (event) {
    var column = columnOf(event.target);
    if (!dragged || !column || !allowed(dragged, column)) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    clearMarks(false);
    column.classList.add('drop-over');
    var target = cardOf(event.target);
    if (target && target !== dragged && column.dataset.status === dragged.dataset.status) {
      target.classList.add('drop-target');
    }
  });

  board.addEventListener('drop', function (event) {
    var column = columnOf(event.target);
    var card = dragged;
    if (!card || !column) {
      return;
    }
    event.preventDefault();
    clearMarks(true);
    card.classList.remove('dragging');
    dragged = null;
    // The browser offers only the marked columns; a drop elsewhere (or a scripted one) does nothing.
    if (busy || !allowed(card, column)) {
      return;
    }
    var origin = { parent: card.parentNode, next: card.nextSibling };
    if (column.dataset.status !== card.dataset.status) {
      placeInColumn(card, column);
      send(card, 'transition', { to: column.dataset.status }, origin);
      return;
    }
    // In its own column: take the rank of the card dropped on; above the first card the first
    // one's, below the last card the last one's.
    var target = cardOf(event.target);
    if (!target) {
      var cards = cardsOf(column);
      var first = cards[0];
      target = first && event.clientY < first.getBoundingClientRect().top ? first : cards[cards.length - 1];
    }
    if (!target || target === card || target.dataset.priority === card.dataset.priority) {
      return;
    }
    var up = Number(target.dataset.priority) < Number(card.dataset.priority);
    target.parentNode.insertBefore(card, up ? target : target.nextSibling);
    send(card, 'move', { position: target.dataset.priority }, origin);
  });

  board.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('dragging');
    }
    dragged = null;
    clearMarks(true);
  });

  prepare();
}());
