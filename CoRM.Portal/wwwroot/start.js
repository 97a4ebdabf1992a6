// Starts Blazor with reconnection suited to a restart or a failover: try every second for the first ten seconds
// (a dropped network), then every five seconds for five minutes (an instance restarting or a deploy). When the server
// answers but no longer knows the circuit, ReconnectModal.razor.js reloads the page: the sign-in cookie still holds
// (data-protection keys are shared in the database) and what the page keeps in its URL comes back.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 70,
            retryIntervalMilliseconds: attempt => attempt <= 10 ? 1000 : 5000,
        },
    },
});

// A list's view (filters, page) written into the address without a navigation (ListInUrl.cs). Only while the browser
// is still on that list: a slow load that finishes after the user followed a link must not pull them back.
window.cormKeepListInUrl = (path, url) => {
    if (location.pathname === path && location.href !== url) history.replaceState(history.state, '', url);
};

// Firefox starts a drag only when it carries data: the admissions board's cards say which application they are.
document.addEventListener('dragstart', e => {
    const card = e.target.closest && e.target.closest('[data-drag-card]');
    if (card && e.dataTransfer) {
        e.dataTransfer.setData('text/plain', card.dataset.dragCard);
        e.dataTransfer.effectAllowed = 'move';
    }
});

// A client-sorted column's sort in the address (SortInUrl.razor): set when it sorts; cleared when it stops sorting only if
// the address still names it (when another column takes over, that one has already written its own).
window.cormSortInUrl = (path, key, value) => {
    if (location.pathname !== path) return;
    const url = new URL(location.href);
    const current = url.searchParams.get('sort');
    if (value !== null) url.searchParams.set('sort', value);
    else if (current === key || current === '-' + key) url.searchParams.delete('sort');
    if (url.href !== location.href) history.replaceState(history.state, '', url.href);
};

// A view's settings (period, grouping, filters) in the address, merged into what is there (ListInUrl.KeepValuesAsync).
window.cormQueryInUrl = (path, pairs) => {
    if (location.pathname !== path) return;
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(pairs)) {
        if (value === null || value === '') url.searchParams.delete(name); else url.searchParams.set(name, value);
    }
    if (url.href !== location.href) history.replaceState(history.state, '', url.href);
};

// The menu's links are plain anchors (NavMenu.razor): on a phone, where the drawer covers the page with its overlay,
// following one closes the drawer the way MudNavLink did, by the overlay's own click.
document.addEventListener('click', e => {
    const link = e.target.closest && e.target.closest('[data-testid=nav] a.mud-nav-link');
    if (!link) return;
    const overlay = document.querySelector('.mud-drawer-overlay.mud-drawer-overlay--open');
    if (overlay && getComputedStyle(overlay).display !== 'none') overlay.click();
});
