// Rightly's small layer of progressive enhancement. Every page works without it.
(function () {
	'use strict';
	document.documentElement.classList.add('js');

	// htmx requests carry the CSRF token like forms do
	document.addEventListener('htmx:configRequest', function (event) {
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			event.detail.headers[header.content] = token.content;
		}
	});

	document.addEventListener('change', function (event) {
		if (event.target.matches('select[data-autosubmit]')) {
			event.target.form.submit();
		}
	});

	document.addEventListener('click', function (event) {
		var copy = event.target.closest('[data-copy]');
		if (copy) {
			var source = document.querySelector(copy.getAttribute('data-copy'));
			if (source && navigator.clipboard) {
				navigator.clipboard.writeText(source.textContent.trim()).then(function () {
					var label = copy.textContent;
					copy.textContent = copy.getAttribute('data-copied') || label;
					setTimeout(function () { copy.textContent = label; }, 1500);
				});
			}
		}
		if (event.target.closest('[data-close-shortcuts]')) {
			toggleShortcuts(false);
		}
	});

	// Keyboard shortcuts: "g" then a letter goes to a section, "b" focuses the brand switcher,
	// "?" shows the list. Ignored while typing in a field.
	var sections = { i: '/inbox', c: '/customers', n: '/insights', s: '/settings' };
	var pendingG = false;
	var lastFocus = null;

	function typing(target) {
		return target.closest('input, textarea, select, [contenteditable="true"]');
	}

	function toggleShortcuts(show) {
		var dialog = document.getElementById('shortcuts');
		if (!dialog) {
			return;
		}
		if (show) {
			lastFocus = document.activeElement;
			dialog.hidden = false;
			dialog.querySelector('button').focus();
		}
		else {
			dialog.hidden = true;
			if (lastFocus) {
				lastFocus.focus();
			}
		}
	}

	document.addEventListener('keydown', function (event) {
		if (event.key === 'Escape') {
			toggleShortcuts(false);
			return;
		}
		if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
			return;
		}
		if (pendingG) {
			pendingG = false;
			if (sections[event.key]) {
				window.location.href = sections[event.key];
				event.preventDefault();
			}
			return;
		}
		if (event.key === 'g') {
			pendingG = true;
			setTimeout(function () { pendingG = false; }, 1200);
		}
		else if (event.key === '?') {
			toggleShortcuts(true);
			event.preventDefault();
		}
		else if (event.key === 'b') {
			var switcher = document.getElementById('brand-switch');
			if (switcher) {
				switcher.focus();
				event.preventDefault();
			}
		}
		else if (inboxKey(event.key)) {
			event.preventDefault();
		}
	});

	// Live inbox: when the brand's inbox changes, the list or the thread is fetched again and
	// swapped in; the selected row, the scroll position and any draft stay as they are.
	function swap(selector, html) {
		var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector(selector);
		var old = document.querySelector(selector);
		if (fresh && old) {
			var selected = old.querySelector('[data-row].is-selected');
			var at = selected ? selected.getAttribute('data-href') : null;
			old.innerHTML = fresh.innerHTML;
			if (at) {
				var again = old.querySelector('[data-row][data-href="' + at + '"]');
				if (again) {
					again.classList.add('is-selected');
				}
			}
		}
	}

	if (window.EventSource && document.querySelector('[data-live]')) {
		var live = new EventSource('/inbox/events');
		live.addEventListener('changed', function () {
			fetch(window.location.href, { credentials: 'same-origin' }).then(function (r) {
				return r.ok ? r.text() : null;
			}).then(function (html) {
				if (html) {
					swap('[data-live]', html);
				}
			});
		});
	}

	// Saved replies: a reply that starts with "/" lists the saved replies whose name has the
	// rest; choosing one puts its text in the reply.
	document.addEventListener('input', function (event) {
		var list = document.querySelector('[data-saved-replies]');
		if (!list || event.target.id !== 'reply-text') {
			return;
		}
		var value = event.target.value;
		var query = value.charAt(0) === '/' ? value.slice(1).toLowerCase() : null;
		var shown = 0;
		list.querySelectorAll('[data-saved-reply]').forEach(function (button) {
			var match = query !== null && button.getAttribute('data-name').toLowerCase().indexOf(query) >= 0;
			button.parentElement.hidden = !match;
			shown += match ? 1 : 0;
		});
		list.hidden = shown === 0;
	});

	document.addEventListener('click', function (event) {
		var saved = event.target.closest('[data-saved-reply]');
		if (saved) {
			var reply = document.getElementById('reply-text');
			reply.value = saved.getAttribute('data-text');
			saved.closest('[data-saved-replies]').hidden = true;
			reply.focus();
			reply.dispatchEvent(new Event('input', { bubbles: true }));
		}
	});

	// The inbox: j/k move through conversations, Enter opens one; in a conversation r replies,
	// n writes a note, a assigns, e resolves; / searches.
	function focusShortcut(name) {
		var target = document.querySelector('[data-shortcut="' + name + '"]');
		if (!target) {
			return false;
		}
		if (target.tagName === 'FORM') {
			target.submit();
		}
		else {
			target.focus();
		}
		return true;
	}

	function inboxKey(key) {
		var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row]'));
		var current = document.querySelector('[data-row].is-selected');
		if ((key === 'j' || key === 'k') && rows.length) {
			var at = rows.indexOf(current);
			var next = key === 'j' ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1);
			if (current) {
				current.classList.remove('is-selected');
			}
			rows[next].classList.add('is-selected');
			rows[next].querySelector('a').focus();
			rows[next].scrollIntoView({ block: 'nearest' });
			return true;
		}
		if (key === 'Enter' && current) {
			window.location.href = current.getAttribute('data-href');
			return true;
		}
		var names = { r: 'reply', n: 'note', a: 'assign', e: 'resolve', '/': 'search' };
		return names[key] ? focusShortcut(names[key]) : false;
	}

	// beside a conversation, the list shows where the open one is
	var open = document.querySelector('.queue .is-current');
	if (open) {
		open.scrollIntoView({ block: 'center' });
		window.scrollTo(0, 0);
	}
}());
