// Drag-and-drop ranking on /queues/{clientId}. The page works without JavaScript: every row has
// top/up/down/bottom buttons and a "position" form. This script only lets a mouse or touch-pad user
// drop a row onto another one: it fills that row's rank into the dragged row's position form and
// submits it, so the move goes through the same POST, CSRF token, checks and flash message as the
// keyboard path. Nothing is reordered on the client; the server's answer is the truth.
(function () {
  'use strict';
  var table = document.getElementById('queue-table');
  if (!table || !('draggable' in document.createElement('tr'))) {
    return;
  }
  var dragged = null;

  function rowOf(node) {
    return node && node.closest ? node.closest('tr[data-priority]') : null;
  }

  function clearMarks() {
    table.querySelectorAll('.drop-target').forEach(function (row) {
      row.classList.remove('drop-target');
    });
  }

  Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
    if (!row.dataset.priority) {
      return;
    }
    row.draggable = true;
    row.classList.add('queue-draggable');
    row.title = table.dataset.dragHint || '';
  });

  table.addEventListener('dragstart', function (event) {
    dragged = rowOf(event.target);
    if (!dragged) {
      return;
    }
    dragged.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    // Firefox only starts a drag when some data is set.
    event.dataTransfer.setData('text/plain', dragged.dataset.ticketId || '');
  });

  table.addEventListener('dragover', function (event) {
    var target = rowOf(event.target);
    if (!dragged || !target || target === dragged) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    clearMarks();
    target.classList.add('drop-target');
  });

  table.addEventListener('dragleave', function (event) {
    var target = rowOf(event.target);
    if (target && !target.contains(event.relatedTarget)) {
      target.classList.remove('drop-target');
    }
  });

  table.addEventListener('drop', function (event) {
    var target = rowOf(event.target);
    if (!dragged || !target || target === dragged) {
      return;
    }
    event.preventDefault();
    var input = dragged.querySelector('input[name="position"]');
    if (input && input.form) {
      input.value = target.dataset.priority;
      if (input.form.requestSubmit) {
        input.form.requestSubmit();
      } else {
        input.form.submit();
      }
    }
  });

  table.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('dragging');
    }
    dragged = null;
    clearMarks();
  });
}());
