// The Admin menu: without JavaScript a plain link to /admin/pages, the index of the admin pages.
// Here it becomes the toggle of the Bootstrap dropdown that follows it in the layout, with the
// same pages; Bootstrap's data API (delegated from the document, so attributes set now count)
// opens it on click and Enter and moves through it with the arrow keys and Escape.
(function () {
  'use strict';
  document.querySelectorAll('[data-admin-menu]').forEach(function (toggle) {
    toggle.classList.add('dropdown-toggle');
    toggle.setAttribute('data-bs-toggle', 'dropdown');
    toggle.setAttribute('role', 'button');
    toggle.setAttribute('aria-expanded', 'false');
    // A toggle is no longer "the current page"; the index's own entry in the menu is.
    if (toggle.getAttribute('aria-current') === 'page') {
      toggle.setAttribute('aria-current', 'true');
    }
    // A button opens with Space too; Bootstrap only sees the click that Enter makes on a link.
    toggle.addEventListener('keydown', function (event) {
      if (event.key === ' ') {
        event.preventDefault();
        toggle.click();
      }
    });
  });
})();
