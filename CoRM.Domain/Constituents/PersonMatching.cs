using System.Globalization;
using System.Text;

namespace CoRM.Domain.Constituents;

/// <summary>What is known of a person when deciding whether two records are the same one.</summary>
public sealed record PersonFacts(
    string? FirstName, string? LastName, string? Email = null, string? Phone = null, DateOnly? BirthDate = null,
    string? PostalCode = null, string? ExternalId = null);

public enum MatchVerdict
{
    NewPerson,
    PossibleDuplicate,
    SamePerson,
}

/// <summary>A score from 0 to 100 with the reasons in words ("same e-mail", "same name and birth date").</summary>
public sealed record MatchScore(int Score, IReadOnlyList<string> Reasons)
{
    public static readonly MatchScore None = new(0, []);

    public MatchVerdict VerdictAt(MatchThresholds thresholds) =>
        Score >= thresholds.SamePerson ? MatchVerdict.SamePerson : Score >= thresholds.PossibleDuplicate ? MatchVerdict.PossibleDuplicate : MatchVerdict.NewPerson;

    public string Explanation => string.Join(", ", Reasons);
}

/// <summary>Above <see cref="SamePerson"/> it is one person; from <see cref="PossibleDuplicate"/> a person reviews it.</summary>
public sealed record MatchThresholds(int SamePerson = 90, int PossibleDuplicate = 50)
{
    public static readonly MatchThresholds Default = new();
}

/// <summary>
/// The one rule that decides whether incoming data is an existing person, used by every way in (imports, inquiries,
/// applications, invitations, gifts, registrations, sign-ups) and by the duplicate finder. Keys are normalised first
/// (<see cref="MatchKeys"/>); evidence adds up, and a known contradiction — two different birth dates, an e-mail shared
/// by people with different first names (a family address) — takes away.
/// </summary>
public static class PersonMatcher
{
    /// <param name="callingCode">The institution's country calling code, for national phone numbers ("351").</param>
    public static MatchScore Score(PersonFacts a, PersonFacts b, string? callingCode = null)
    {
        var score = 0;
        var reasons = new List<string>();
        var firstA = MatchKeys.Name(a.FirstName);
        var firstB = MatchKeys.Name(b.FirstName);
        var lastA = MatchKeys.Name(a.LastName);
        var lastB = MatchKeys.Name(b.LastName);
        var firstSimilar = Similar(firstA, firstB) || Initial(firstA, firstB);
        var name = NameEvidence(firstA, lastA, firstB, lastB);

        // An id the institution issued (a student number) is authoritative: a name may change, the id does not.
        var sameId = MatchKeys.ExternalId(a.ExternalId) is { } idA && idA == MatchKeys.ExternalId(b.ExternalId);
        if (sameId) reasons.Add("same student or external id");
        if (MatchKeys.Email(a.Email) is { } emailA && emailA == MatchKeys.Email(b.Email))
        {
            // A family often shares one address: with clearly different first names it is a hint, not an identity.
            if (firstA.Length == 0 || firstB.Length == 0 || firstSimilar)
            {
                score += 90;
                reasons.Add("same e-mail");
            }
            else
            {
                score += 25;
                reasons.Add("same e-mail, different first name");
            }
        }
        if (MatchKeys.Phone(a.Phone, callingCode) is { } phoneA && phoneA == MatchKeys.Phone(b.Phone, callingCode))
        {
            score += firstSimilar ? 35 : 15;
            reasons.Add("same phone");
        }
        switch (name)
        {
            case NameMatch.Same:
                score += 45;
                reasons.Add("same name");
                break;
            case NameMatch.Swapped:
                score += 40;
                reasons.Add("first and last names swapped");
                break;
            case NameMatch.Similar:
                score += 35;
                reasons.Add("similar name");
                break;
            case NameMatch.Different when lastA.Length > 0 && lastB.Length > 0:
                score -= 30;
                break;
        }
        if (a.BirthDate is { } bornA && b.BirthDate is { } bornB)
        {
            if (bornA == bornB)
            {
                score += 50;
                reasons.Add("same birth date");
            }
            else if (SameDayAndMonthSwapped(bornA, bornB) || (bornA.Year == bornB.Year && bornA.Month == bornB.Month && Math.Abs(bornA.Day - bornB.Day) <= 1))
            {
                score += 20;
                reasons.Add("birth dates one slip apart");
            }
            else
            {
                score -= 60;
                reasons.Add("different birth dates");
            }
        }
        if (MatchKeys.PostalCode(a.PostalCode) is { } postA && postA == MatchKeys.PostalCode(b.PostalCode))
        {
            score += 20;
            reasons.Add("same postcode");
        }
        return new MatchScore(sameId ? 100 : Math.Clamp(score, 0, 100), reasons);
    }

    private enum NameMatch
    {
        Unknown,
        Same,
        Swapped,
        Similar,
        Different,
    }

    private static NameMatch NameEvidence(string firstA, string lastA, string firstB, string lastB)
    {
        if (lastA.Length == 0 || lastB.Length == 0) return NameMatch.Unknown;
        if (firstA == firstB && lastA == lastB) return NameMatch.Same;
        if (firstA.Length > 0 && firstA == lastB && lastA == firstB) return NameMatch.Swapped;
        // One part the same and the other a typo away, or an initial ("J" for "JOANA").
        if ((lastA == lastB && (Similar(firstA, firstB) || Initial(firstA, firstB))) || (firstA == firstB && Similar(lastA, lastB))) return NameMatch.Similar;
        // A second surname dropped or added ("SILVA" and "SILVA SANTOS").
        if (firstA == firstB && (lastA.StartsWith(lastB + " ", StringComparison.Ordinal) || lastB.StartsWith(lastA + " ", StringComparison.Ordinal) ||
                                 lastA.EndsWith(" " + lastB, StringComparison.Ordinal) || lastB.EndsWith(" " + lastA, StringComparison.Ordinal))) return NameMatch.Similar;
        return NameMatch.Different;
    }

    private static bool Initial(string a, string b) =>
        (a.Length == 1 && b.Length > 1 && b[0] == a[0]) || (b.Length == 1 && a.Length > 1 && a[0] == b[0]);

    /// <summary>A typo away: one edit (insert, delete, substitute, swap two neighbours) for short names, two for long ones.</summary>
    internal static bool Similar(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        // A name with digits is a placeholder or a code ("Student UCI-0001"): one digit apart is another person.
        if (a.Any(char.IsAsciiDigit) || b.Any(char.IsAsciiDigit)) return false;
        var allowed = Math.Min(a.Length, b.Length) <= 5 ? 1 : 2;
        return Math.Abs(a.Length - b.Length) <= allowed && EditDistance(a, b) <= allowed;
    }

    private static bool SameDayAndMonthSwapped(DateOnly a, DateOnly b) => a.Year == b.Year && a.Day == b.Month && a.Month == b.Day;

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring).</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}

/// <summary>Normalised keys: what two spellings of the same e-mail, phone, name or postcode have in common.</summary>
public static class MatchKeys
{
    public static string? Email(string? email) => EmailAddress.TryNormalise(email);

    /// <summary>
    /// E.164 ("+351912345678"): "00" becomes "+", and a national number gets the institution's calling code (without one
    /// it is compared as dialled). Too short or too long is no phone.
    /// </summary>
    public static string? Phone(string? phone, string? callingCode)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var trimmed = phone.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        string international;
        if (trimmed.StartsWith('+')) international = digits;
        else if (digits.StartsWith("00", StringComparison.Ordinal)) international = digits[2..];
        else if (callingCode is null) return digits.Length >= 6 ? "0" + digits.TrimStart('0') : null;
        else international = callingCode + digits.TrimStart('0');
        return international.Length is >= 8 and <= 15 ? "+" + international : null;
    }

    /// <summary>
    /// A name folded for comparison: upper case, no accents, common transliterations (ß→SS, Æ→AE, Ø→O, Ł→L), hyphens
    /// and apostrophes as spaces or nothing, single spaces ("Ana-Sofia  D'Ávila" → "ANA SOFIA DAVILA").
    /// </summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var sb = new StringBuilder(name.Length + 4);
        foreach (var ch in name.Trim())
        {
            switch (char.ToUpperInvariant(ch))
            {
                case 'ß': sb.Append("SS"); continue;
                case 'Æ': sb.Append("AE"); continue;
                case 'Œ': sb.Append("OE"); continue;
                case 'Ø': sb.Append('O'); continue;
                case 'Ł': sb.Append('L'); continue;
                case 'Đ': sb.Append('D'); continue;
                case 'Þ': sb.Append("TH"); continue;
                case '\'': case '’': case '.': continue;
                case '-': case '_': case ',': sb.Append(' '); continue;
                default: sb.Append(ch); break;
            }
        }
        var folded = SearchText.Fold(sb.ToString());
        var letters = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch)) letters.Append(char.ToUpperInvariant(ch));
            else if (ch == ' ' && letters.Length > 0 && letters[^1] != ' ') letters.Append(' ');
        }
        return letters.ToString().Trim();
    }

    public static string? PostalCode(string? postalCode)
    {
        var key = new string((postalCode ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return key.Length >= 3 ? key : null;
    }

    public static string? ExternalId(string? id)
    {
        var key = id?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary>A birth date as a key part ("1999-04-12").</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
