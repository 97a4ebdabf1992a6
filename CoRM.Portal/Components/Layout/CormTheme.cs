using MudBlazor;

namespace CoRM.Portal.Components.Layout;

internal static class CormTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#2e7d6b",
            AppbarBackground = "#1f4e79",
            Background = "#f6f7f9",
        },
    };
}
