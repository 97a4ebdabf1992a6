using Microsoft.AspNetCore.Components.Routing;

namespace CoRM.Portal.Components.Layout;

/// <summary>Which menu entry is the current page, the way Blazor's NavLink decides it.</summary>
public static class NavMenuLinks
{
    /// <param name="relative">The current address relative to the base ("constituents/12?tab=gifts").</param>
    /// <param name="href">The entry's address ("/constituents").</param>
    public static bool IsActive(string relative, string href, NavLinkMatch match)
    {
        var path = "/" + relative.Split('?', '#')[0].TrimEnd('/');
        var target = href.TrimEnd('/');
        if (target.Length == 0) target = "/";
        if (string.Equals(path, target, StringComparison.OrdinalIgnoreCase) || (path == "/" && target == "/")) return true;
        // A prefix only at a segment's end: /cases is active on /cases/12, not on /caseload.
        return match == NavLinkMatch.Prefix && path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
    }
}
