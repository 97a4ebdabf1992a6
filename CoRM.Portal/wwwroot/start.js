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

// The menu drawer (MainLayout.razor): MudDrawer's markup and classes, opened and closed here rather than by a component
// in every circuit. MudBlazor's CSS lays it out by width: from 960 px it sits beside the page, below it covers the page
// with an overlay; "--initial" keeps it hidden on a phone until opened. Following a menu link on a phone, or a click on
// the overlay, closes it, as MudDrawer did; crossing 960 px opens it on the wide screen and closes it on the narrow one.
window.cormNav = (() => {
    const narrow = matchMedia('(max-width: 959.98px)');
    const parts = () => ({
        layout: document.getElementById('corm-layout'),
        drawer: document.getElementById('corm-drawer'),
        overlay: document.getElementById('corm-drawer-overlay'),
        toggle: document.querySelector('[data-corm-nav-toggle]'),
    });
    const isOpen = () => {
        const { drawer } = parts();
        return !!drawer && drawer.classList.contains('mud-drawer--open') && !(narrow.matches && drawer.classList.contains('mud-drawer--initial'));
    };
    const setOpen = open => {
        const { layout, drawer, overlay, toggle } = parts();
        if (!drawer) return;
        drawer.classList.remove('mud-drawer--initial');
        drawer.classList.toggle('mud-drawer--open', open);
        drawer.classList.toggle('mud-drawer--closed', !open);
        layout.classList.toggle('mud-drawer-open-responsive-md-left', open);
        layout.classList.toggle('mud-drawer-close-responsive-md-left', !open);
        overlay.classList.toggle('mud-drawer-overlay--open', open);
        if (toggle) toggle.setAttribute('aria-expanded', String(open));
    };
    document.addEventListener('click', e => {
        if (!e.target.closest) return;
        if (e.target.closest('[data-corm-nav-toggle]')) setOpen(!isOpen());
        else if (e.target.closest('#corm-drawer-overlay')) setOpen(false);
        else if (narrow.matches && e.target.closest('[data-testid=nav] a.mud-nav-link')) setOpen(false);
    });
    narrow.addEventListener('change', () => { if (parts().drawer) setOpen(!narrow.matches); });
    return { isOpen, setOpen };
})();
