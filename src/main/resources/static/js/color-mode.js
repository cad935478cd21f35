// Colour mode (issue 18). Loaded in <head>, blocking, so the page never shows in the wrong theme:
// when the user's mode is "auto" (or nobody is signed in) the server leaves data-bs-theme off
// <html>, and this sets it from the operating system's prefers-color-scheme, and follows it when it
// changes. For "light" and "dark" the server has already rendered data-bs-theme.
// Then it enhances the colour mode buttons in the footer (fragments/layout.html): without
// JavaScript each is a submit button (POST /account/color-mode, back to the same page); here a
// click switches the theme at once and saves the choice in the background (answered with 204).
(function () {
  'use strict';
  var root = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function mode() {
    return root.getAttribute('data-color-mode') || 'auto';
  }

  function apply() {
    var chosen = mode();
    var theme = chosen === 'auto' ? (dark && dark.matches ? 'dark' : 'light') : chosen;
    root.setAttribute('data-bs-theme', theme);
  }

  apply();
  if (dark) {
    var follow = function () {
      if (mode() === 'auto') {
        apply();
      }
    };
    if (dark.addEventListener) {
      dark.addEventListener('change', follow);
    } else if (dark.addListener) {
      dark.addListener(follow);
    }
  }

  function enhance(form) {
    var buttons = form.querySelectorAll('button[name="colorMode"]');
    var plain = false;
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function (event) {
        if (plain || !window.fetch || !window.FormData) {
          return;
        }
        event.preventDefault();
        root.setAttribute('data-color-mode', button.value.toLowerCase());
        apply();
        Array.prototype.forEach.call(buttons, function (other) {
          var pressed = other === button;
          other.classList.toggle('active', pressed);
          other.setAttribute('aria-pressed', String(pressed));
        });
        var data = new FormData(form);
        data.set('colorMode', button.value);
        fetch(form.action, {
          method: 'POST',
          body: data,
          credentials: 'same-origin',
          redirect: 'manual',
          headers: { 'X-Requested-With': 'fetch' }
        }).then(function (response) {
          // Not saved (signed out meanwhile, say): the plain form post shows why.
          if (response.status !== 204) {
            plain = true;
            button.click();
          }
        }, function () {
          plain = true;
          button.click();
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-color-mode-form]'), enhance);
  });
}());
