// File picker for attachments (fragments/files.html, SPEC §9). Without JavaScript the form sends a
// plain <input type=file multiple name=files>. This script keeps the chosen files in a list that
// grows with each choice in the file dialog, each drop on the form and each pasted screenshot, shows
// them with a Remove button, and mirrors the list into input.files with a DataTransfer, so the
// upload is still the form's own multipart POST. It checks the server's limits (data-max-bytes,
// data-max-files) early; the server checks them again and its answer is the truth.
(function () {
  'use strict';
  try {
    // Without a constructible DataTransfer input.files cannot be set: leave the plain input alone.
    new DataTransfer();
  } catch (e) {
    return;
  }

  var KB = 1024;

  function humanSize(bytes) {
    // The server's units and rounding (attachment/FileSizes): 1 KB = 1024 B, one decimal unless
    // the value is whole, so a file reads the same in this list and on the ticket page.
    if (bytes < KB) {
      return bytes + ' B';
    }
    var units = ['KB', 'MB', 'GB'];
    var value = bytes;
    var unit = -1;
    while (value >= KB && unit < units.length - 1) {
      value /= KB;
      unit++;
    }
    var text = number(value);
    if (text === '1024.0' && unit < units.length - 1) {
      // Just under the next unit (1048575 B): "1.0 MB", not "1024.0 KB".
      text = number(value / KB);
      unit++;
    }
    return text + ' ' + units[unit];
  }

  function number(value) {
    return value === Math.round(value) ? String(value) : value.toFixed(1);
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  // Chrome names every pasted image "image.png"; several of them would be indistinguishable.
  function screenshotName(file, index) {
    var d = new Date();
    var ext = (file.type.split('/')[1] || 'png').replace('jpeg', 'jpg').replace(/\+.*$/, '');
    return 'screenshot-' + d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate()) + '-'
        + pad(d.getHours()) + pad(d.getMinutes()) + pad(d.getSeconds())
        + (index > 0 ? '-' + (index + 1) : '') + '.' + ext;
  }

  function hasFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
  }

  function enhance(input) {
    var texts = input.dataset;
    var maxBytes = Number(texts.maxBytes) || Infinity;
    var maxFiles = Number(texts.maxFiles) || Infinity;
    var list = document.getElementById(input.id + '-list');
    var hint = document.getElementById(input.id + '-drop-hint');
    var zone = input.form || input.parentNode;
    // The server's own error (after a failed upload) stays until the next page.
    var serverInvalid = input.classList.contains('is-invalid');
    var picks = [];   // {file, item, note}

    if (!list) {
      return;
    }
    if (hint) {
      hint.classList.remove('d-none');
      input.setAttribute('aria-describedby',
          ((input.getAttribute('aria-describedby') || '') + ' ' + hint.id).trim());
    }

    function sync() {
      var transfer = new DataTransfer();
      picks.forEach(function (pick) {
        transfer.items.add(pick.file);
      });
      input.files = transfer.files;
      check();
    }

    // Marks each file over a limit in the list (as text, so not by colour alone) and blocks
    // submitting with setCustomValidity while any is left.
    function check() {
      var first = '';
      picks.forEach(function (pick, index) {
        var message = '';
        if (pick.file.size > maxBytes) {
          message = texts.tooBig.replace('{0}', pick.file.name);
        } else if (index >= maxFiles) {
          message = texts.tooMany;
        }
        if (pick.note.textContent !== message) {
          pick.note.textContent = message;
        }
        first = first || message;
      });
      input.setCustomValidity(first);
      input.classList.toggle('is-invalid', serverInvalid || first !== '');
      if (first || serverInvalid) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }

    function remove(pick) {
      var index = picks.indexOf(pick);
      picks.splice(index, 1);
      pick.item.remove();
      sync();
      // Keep keyboard focus in the list instead of losing it to the page's start.
      var next = picks[index] || picks[index - 1];
      (next ? next.item.querySelector('button') : input).focus();
    }

    function add(files) {
      Array.prototype.forEach.call(files, function (file) {
        var duplicate = picks.some(function (pick) {
          return pick.file.name === file.name && pick.file.size === file.size
              && pick.file.lastModified === file.lastModified;
        });
        if (duplicate) {
          return;
        }
        var pick = { file: file, item: document.createElement('li') };
        var name = document.createElement('span');
        var size = document.createElement('span');
        var button = document.createElement('button');
        pick.note = document.createElement('span');
        pick.item.className = 'attachment-pick';
        name.className = 'attachment-pick-name';
        name.textContent = file.name;
        size.className = 'attachment-pick-size text-body-secondary';
        size.textContent = humanSize(file.size);
        button.type = 'button';
        button.className = 'btn btn-sm btn-outline-secondary';
        button.textContent = texts.remove;
        button.setAttribute('aria-label', texts.removeLabel.replace('{0}', file.name));
        button.addEventListener('click', function () {
          remove(pick);
        });
        pick.note.className = 'attachment-pick-error';
        pick.item.append(name, ' ', size, ' ', button, ' ', pick.note);
        list.append(pick.item);
        picks.push(pick);
      });
      sync();
    }

    // The dialog replaces input.files; add its choice to the list instead.
    input.addEventListener('change', function () {
      add(input.files);
    });

    zone.addEventListener('dragover', function (event) {
      if (hasFiles(event)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        zone.classList.add('attachment-drop-target');
      }
    });
    zone.addEventListener('dragleave', function (event) {
      if (!zone.contains(event.relatedTarget)) {
        zone.classList.remove('attachment-drop-target');
      }
    });
    zone.addEventListener('drop', function (event) {
      zone.classList.remove('attachment-drop-target');
      if (hasFiles(event)) {
        // Also stops a drop on the input itself from replacing the list.
        event.preventDefault();
        add(event.dataTransfer.files);
      }
    });

    // A paste anywhere in the form (say in the comment box) that holds files adds them; a paste
    // of plain text is left to the browser.
    zone.addEventListener('paste', function (event) {
      var data = event.clipboardData;
      var files = data ? Array.prototype.slice.call(data.files || []) : [];
      if (data && !files.length && data.items) {
        Array.prototype.forEach.call(data.items, function (item) {
          var file = item.kind === 'file' && item.getAsFile();
          if (file) {
            files.push(file);
          }
        });
      }
      if (!files.length) {
        return;
      }
      event.preventDefault();
      add(files.map(function (file, index) {
        if (/^(image|blob)?(\.\w+)?$/i.test(file.name) && file.type.indexOf('image/') === 0) {
          return new File([file], screenshotName(file, index), { type: file.type, lastModified: Date.now() });
        }
        return file;
      }));
    });

    // The forms use novalidate (for the server's messages), so the browser would not stop the
    // submit by itself: report the file problem and stay on the page.
    zone.addEventListener('submit', function (event) {
      if (!input.checkValidity()) {
        event.preventDefault();
        input.reportValidity();
      }
    });
    zone.addEventListener('reset', function () {
      picks.forEach(function (pick) {
        pick.item.remove();
      });
      picks = [];
      setTimeout(sync);
    });
  }

  document.querySelectorAll('input[type=file][data-attachments]').forEach(enhance);
}());
