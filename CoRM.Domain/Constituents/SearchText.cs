using System.Globalization;
using System.Text;

namespace CoRM.Domain.Constituents;

/// <summary>
/// Folds text for searching: upper case, no diacritics, single spaces, no commas
/// ("José  da Silva," → "JOSE DA SILVA"), so "jose" finds "José" with a plain index.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch) || ch == ',')
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(char.ToUpperInvariant(ch));
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>, for an index range scan.</summary>
    public static string PrefixUpperBound(string prefix) =>
        prefix.Length == 0 ? "\uffff" : prefix[..^1] + (char)(prefix[^1] + 1);
}
