using CoRM.Domain.Admissions;
using CoRM.Infrastructure.Admissions;
using Microsoft.AspNetCore.WebUtilities;

namespace CoRM.Portal.Components.Pages.Admissions;

/// <summary>
/// The admissions filters in the address, shared by the board and the funnel (issue 19, item 6): <c>programme</c>,
/// <c>term</c> (<c>all</c> for every term, absent for the page's usual one), <c>region</c>, <c>source</c>. An id or
/// value the page does not offer is ignored, so an old or mangled link falls back to the usual view.
/// </summary>
public static class AdmissionsFilterInUrl
{
    public const string AllTerms = "all";

    public static AdmissionsFilter Read(string uri, AdmissionsFilter usual, IReadOnlyList<Option> programmes, IReadOnlyList<Option> terms, IReadOnlyList<string> regions)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        int? Id(string? value, IReadOnlyList<Option> offered) =>
            int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && offered.Any(o => o.Id == id) ? id : null;

        var filter = usual;
        if (Get("programme") is { } programme && Id(programme, programmes) is { } programmeId) filter = filter with { ProgrammeId = programmeId };
        if (Get("term") is { } term)
        {
            if (term == AllTerms) filter = filter with { TermId = null };
            else if (Id(term, terms) is { } termId) filter = filter with { TermId = termId };
        }
        if (Get("region") is { } region && regions.Contains(region, StringComparer.Ordinal)) filter = filter with { Region = region };
        if (Enum.TryParse<AdmissionSource>(Get("source"), ignoreCase: true, out var source) && Enum.IsDefined(source)) filter = filter with { Source = source };
        return filter;
    }

    /// <summary>The address's values for a filter; what equals the usual view is left out.</summary>
    public static (string Name, object? Value)[] Pairs(AdmissionsFilter filter, AdmissionsFilter usual) =>
    [
        ("programme", filter.ProgrammeId == usual.ProgrammeId ? null : filter.ProgrammeId),
        ("term", filter.TermId == usual.TermId ? null : filter.TermId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? AllTerms),
        ("region", filter.Region == usual.Region ? null : filter.Region),
        ("source", filter.Source == usual.Source ? null : filter.Source?.ToString()),
    ];
}
