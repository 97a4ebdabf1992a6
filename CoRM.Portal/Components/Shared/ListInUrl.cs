using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CoRM.Portal.Components.Shared;

/// <summary>
/// A list's view in the address bar (issue 19, item 6): its page, page size and the page's own filters, so Back from a
/// record, a reload, a reconnection after a restart or a link sent to a colleague open the same view.
/// The address is rewritten in place (the history entry is replaced), so paging through a list does not fill Back with
/// steps; what is the default is left out, so a plain list keeps a plain address.
/// </summary>
/// <remarks>
/// A page declares <c>[SupplyParameterFromQuery(Name = "page")] int? PageQuery</c> and <c>"size"</c> beside its filters,
/// binds <c>@bind-CurrentPage</c> and <c>@bind-RowsPerPage</c> on its table to <see cref="PageIndex"/> and
/// <see cref="PageSize"/> of them, and calls <see cref="KeepAsync"/> from its <c>ServerData</c> loader.
/// </remarks>
public static class ListInUrl
{
    /// <summary>The page sizes every pager offers; a size in the address that is not one of them is ignored.</summary>
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>The zero-based page from the one-based <c>page</c> in the address (page 1 and nonsense are the first page).</summary>
    public static int PageIndex(int? page) => page is > 1 and < 100_000 ? page.Value - 1 : 0;

    public static int PageSize(int? size, int fallback) => size is { } s && PageSizes.Contains(s) ? s : fallback;

    /// <summary>
    /// Writes the table's page and size and the given filters (null or empty leaves one out) into the address.
    /// The browser rewrites it (history.replaceState, in start.js), not a Blazor navigation: the browser alone knows
    /// whether the user is still on the list, and a navigation sent from here after they followed a link from it
    /// (a search still loading when they click a row) would pull them back.
    /// </summary>
    public static Task KeepAsync(NavigationManager navigation, IJSRuntime js, TableState state, int defaultPageSize, params (string Name, object? Value)[] filters) =>
        KeepAsync(navigation, js, state.Page, state.PageSize, defaultPageSize, filters);

    /// <summary>The same for a list with its own pager (<see cref="PlainPager"/>): the page from 0 and its size.</summary>
    public static async Task KeepAsync(NavigationManager navigation, IJSRuntime js, int page, int pageSize, int defaultPageSize, params (string Name, object? Value)[] filters)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["page"] = page > 0 ? page + 1 : null,
            ["size"] = pageSize != defaultPageSize ? pageSize : null,
        };
        foreach (var (name, value) in filters) values[name] = value is string { Length: 0 } ? null : value;
        var url = navigation.GetUriWithQueryParameters(values);
        try
        {
            await js.InvokeVoidAsync("cormKeepListInUrl", new Uri(url).AbsolutePath, url);
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone (tab closed mid-load): there is no address bar left to write to.
        }
    }

    /// <summary>
    /// Writes a view's own settings (a period, a grouping, a filter that is not a paged list's) into the address, leaving
    /// the rest of it as it is; null or empty removes one. Rewritten in place by the browser, as <see cref="KeepAsync"/>.
    /// </summary>
    public static async Task KeepValuesAsync(NavigationManager navigation, IJSRuntime js, params (string Name, object? Value)[] values)
    {
        var pairs = values.ToDictionary(v => v.Name, v => v.Value switch
        {
            null or "" => null,
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var other => other.ToString(),
        }, StringComparer.Ordinal);
        try
        {
            await js.InvokeVoidAsync("cormQueryInUrl", new Uri(navigation.Uri).AbsolutePath, pairs);
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone: there is no address bar left to write to.
        }
    }

    /// <summary>After a filter changed: back to the first page (the old page may not exist any more) and reload.</summary>
    public static async Task FirstPageAsync<T>(MudTable<T> table)
    {
        if (table.CurrentPage > 0) table.NavigateTo(0);
        await table.ReloadServerData();
    }
}
