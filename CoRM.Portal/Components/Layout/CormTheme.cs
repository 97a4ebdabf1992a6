using MudBlazor;

namespace CoRM.Portal.Components.Layout;

/// <summary>
/// The portal's colours. MudBlazor's defaults for error, warning, success, info and secondary text fall below WCAG AA
/// contrast (4.5:1) as chip fills under white text, as outlined chip and button text, and as grey helper text on the
/// page background; these darker shades pass on white and on the background (AccessibilityTests runs axe on them).
/// </summary>
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
            Error = "#c62828",      // 5.6:1 on white, 5.2:1 on the background
            Warning = "#b45309",    // 5.0:1 and 4.7:1
            Success = "#2e7d32",    // 5.1:1 and 4.8:1
            Info = "#1565c0",       // 5.8:1 and 5.4:1
            TextSecondary = "#5f6368", // 6.1:1 and 5.6:1 (the default's 54 % black is 4.5:1 on the background)
        },
    };
}
