using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoRM.Portal.Components.Shared;

/// <summary>
/// MudBlazor's look without a component: what a <c>MudIcon</c> or <c>MudText</c> renders, written into the parent's
/// own render tree. A circuit keeps every component it has rendered — two render buffers, a builder and its state,
/// 3–4 KB each whatever it shows — so markup that never changes on its own (the frame of every page, figure cards,
/// icons in rows) is cheaper as plain elements with MudBlazor's classes. Components stay wherever there is behaviour
/// (inputs, menus, dialogs, tables that sort). The classes are MudBlazor 9's, as its components write them (their
/// enum names in lower case).
/// </summary>
public static class Plain
{
    /// <summary>The text colour class MudBlazor uses (<c>mud-error-text</c>), or nothing for the default colour.</summary>
    public static string TextColor(Color color) => color is Color.Default ? "" : $"mud-{color.ToString().ToLowerInvariant()}-text";

    /// <summary>A MudBlazor SVG icon, decorative (hidden from screen readers), as <c>MudIcon</c> writes it.</summary>
    public static RenderFragment Icon(string svg, Size size = Size.Medium, Color color = Color.Default, string? css = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", Classes("mud-icon-root mud-svg-icon", TextColor(color), $"mud-icon-size-{size.ToString().ToLowerInvariant()}", css));
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, svg);
        builder.CloseElement();
    };

    /// <summary>MudBlazor's typography classes (<c>Typo.h6</c> → "mud-typography mud-typography-h6"), with a colour and more.</summary>
    public static string Typo(Typo typo, Color color = Color.Default, string? css = null) =>
        Classes($"mud-typography mud-typography-{typo.ToString().ToLowerInvariant()}", TextColor(color), css);

    /// <summary>A small chip's classes (<c>MudChip</c> without its container and keyboard handler: one that only labels).</summary>
    public static string Chip(Color color, Variant variant = Variant.Filled, string? css = null) =>
        Classes($"mud-chip mud-chip-{variant.ToString().ToLowerInvariant()} mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()}", css);

    private static string Classes(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
