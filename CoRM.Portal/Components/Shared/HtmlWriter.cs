using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace CoRM.Portal.Components.Shared;

/// <summary>
/// Writes a stretch of HTML as one <see cref="MarkupString"/>: one render-tree frame where Razor would write a frame
/// for every element, attribute and text. A circuit keeps a page's frames twice (the render and the one before, for
/// diffing) in buffers that double in size, so a long list of rows written as elements costs far more than the rows'
/// own text — on My advisees, 25 rows of elements were 1,600 frames, two 80 KB buffers in every faculty circuit. Use it
/// for rows that only show things and link elsewhere (links need no handler: the browser's navigation interception
/// follows them); anything with an event handler or a bound value stays a Razor element.
/// </summary>
/// <remarks>
/// Every text and attribute value is HTML-encoded; tag and attribute names must be plain names (they are the caller's
/// constants, never data), and anything else is refused. Non-ASCII letters are kept as they are (names read "João",
/// not "Jo&amp;#xE3;o"): the page is UTF-8.
/// </remarks>
public sealed class HtmlWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder html = new();
    private readonly StringWriter writer;
    private readonly Stack<string> open = new();

    public HtmlWriter() => writer = new StringWriter(html, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Opens an element; attributes whose value is null are left out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append('<').Append(Name(tag));
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            html.Append(' ').Append(Name(name)).Append("=\"");
            Encoder.Encode(writer, value);
            html.Append('"');
        }
        html.Append('>');
        open.Push(tag);
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) Encoder.Encode(writer, text);
        return this;
    }

    /// <summary>An element holding only text: <c>&lt;span class="…"&gt;text&lt;/span&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close();

    /// <summary>Closes the element opened last.</summary>
    public HtmlWriter Close()
    {
        if (!open.TryPop(out var tag)) throw new InvalidOperationException("There is no open element to close.");
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>The HTML written; every element opened must have been closed.</summary>
    public MarkupString ToMarkup()
    {
        if (open.Count > 0) throw new InvalidOperationException($"<{open.Peek()}> was opened and never closed.");
        return new MarkupString(html.ToString());
    }

    private static string Name(string name)
    {
        if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            throw new ArgumentException($"'{name}' is not a plain tag or attribute name.", nameof(name));
        return name;
    }
}
