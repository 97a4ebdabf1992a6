using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoRM.Portal.Components.Layout;

/// <summary>
/// MudBlazor's snackbars, except that a refusal or warning is never queued out of sight behind confirmations. Only a few
/// snackbars show at once (they must not cover the page); MudBlazor queues the rest in order, so after three quick
/// "Saved" messages a "The shift is full" would wait unseen for up to 15 seconds while the user thinks nothing happened.
/// Here the oldest confirmations make way for it at once; confirmations still queue behind one another as before.
/// </summary>
public sealed class ErrorsFirstSnackbar(ISnackbar inner) : ISnackbar
{
    public IEnumerable<Snackbar> ShownSnackbars => inner.ShownSnackbars;

    public SnackbarConfiguration Configuration => inner.Configuration;

    public event Action? OnSnackbarsUpdated
    {
        add => inner.OnSnackbarsUpdated += value;
        remove => inner.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        InSight(inner.Add(message, severity, configure, key));

    public Snackbar? Add(MarkupString message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        InSight(inner.Add(message, severity, configure, key));

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        InSight(inner.Add(message, severity, configure, key));

    public Snackbar? Add<T>(Dictionary<string, object>? componentParameters = null, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
        where T : IComponent =>
        InSight(inner.Add<T>(componentParameters, severity, configure, key));

    public void Clear() => inner.Clear();

    public void Remove(Snackbar snackbar) => inner.Remove(snackbar);

    public void RemoveByKey(string key) => inner.RemoveByKey(key);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the snackbar service MudBlazor registered (whatever way it registered it) in this one.</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ISnackbar));
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(ISnackbar), provider => new ErrorsFirstSnackbar(Create(registered, provider)), registered.Lifetime));
        return services;
    }

    private static ISnackbar Create(ServiceDescriptor registered, IServiceProvider provider) =>
        registered.ImplementationFactory is { } factory ? (ISnackbar)factory(provider)
        : registered.ImplementationInstance is ISnackbar instance ? instance
        : (ISnackbar)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);

    /// <summary>Whether a message tells the user something did not happen (or needs them) rather than that it did.</summary>
    public static bool MustBeSeen(Severity severity) => severity is Severity.Error or Severity.Warning;

    private Snackbar? InSight(Snackbar? added)
    {
        if (added is null || !MustBeSeen(added.Severity)) return added;
        // Oldest first: the confirmation the user has had longest to read goes first.
        while (!inner.ShownSnackbars.Contains(added))
        {
            var confirmation = inner.ShownSnackbars.FirstOrDefault(s => !MustBeSeen(s.Severity));
            if (confirmation is null) break; // only other refusals ahead: they are as important, and in order
            inner.Remove(confirmation);
        }
        return added;
    }
}
