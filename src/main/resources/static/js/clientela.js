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

// Rows a form adds and removes (a person's phones, a dossier's key dates): a new row is a blank
// copy of the first; the last row is emptied rather than removed, so there is always one to copy.
// Names with an index (keyDates[2].day) are renumbered so the rows arrive in the order shown.
document.addEventListener('click', function (event) {
    const add = event.target.closest('[data-add-row]');
    const remove = event.target.closest('[data-remove-row]');
    if (add) {
        const rows = document.querySelector(add.dataset.addRow);
        const first = rows && rows.querySelector('[data-row]');
        if (!first) {
            return;
        }
        const row = first.cloneNode(true);
        row.removeAttribute('id');
        row.querySelectorAll('[id]').forEach(function (element) {
            element.removeAttribute('id');
        });
        row.querySelectorAll('.invalid-feedback').forEach(function (feedback) {
            feedback.remove();
        });
        clearFields(row);
        rows.appendChild(row);
        renumberRows(rows);
        row.querySelector('input, textarea, select').focus();
    } else if (remove) {
        const row = remove.closest('[data-row]');
        const rows = row.parentElement;
        if (rows.querySelectorAll('[data-row]').length > 1) {
            row.remove();
        } else {
            clearFields(row);
        }
        renumberRows(rows);
    }
});

function clearFields(row) {
    row.querySelectorAll('input, textarea, select').forEach(function (field) {
        field.value = '';
        field.classList.remove('is-invalid');
    });
}

function renumberRows(rows) {
    rows.querySelectorAll('[data-row]').forEach(function (row, index) {
        row.querySelectorAll('[name]').forEach(function (field) {
            field.name = field.name.replace(/\[\d+]/, '[' + index + ']');
        });
    });
}

// Buttons that fill a field with a value (the proposed credit limit into the limit form):
// data-fill-target names the field, data-fill-value is the value.
document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-fill-target]');
    const field = button && document.querySelector(button.dataset.fillTarget);
    if (field) {
        field.value = button.dataset.fillValue;
        field.classList.remove('is-invalid');
        field.focus();
    }
});
