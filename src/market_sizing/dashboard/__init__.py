"""The market dashboard (`make dashboard`): `page` builds one self-contained HTML page from the
published warehouse, joining the shell `dashboard.html` and the page's code `dashboard.js` (package data)."""
