// htmx requests carry the CSRF token of the page, like the forms do.
document.addEventListener('htmx:configRequest', function (event) {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// "Copy" buttons: data-copy-target names the field whose value goes to the clipboard.
document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }
    const field = document.querySelector(button.dataset.copyTarget);
    if (field && navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(function () {
            if (button.dataset.copiedText) {
                button.textContent = button.dataset.copiedText;
            }
        });
    } else if (field) {
        field.select();
    }
});

// Forms with data-confirm ask before they are sent (archiving a company, say).
document.addEventListener('submit', function (event) {
    const form = event.target.closest('form[data-confirm]');
    if (form && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
    }
});
