using System.Reflection;
using PdfSharp.Fonts;

namespace CoRM.Infrastructure.Documents;

/// <summary>
/// PDFsharp finds no system fonts on Linux; this resolver serves the DejaVu Sans faces embedded in this assembly
/// for every family asked for, so receipts and letters look the same on every server.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may not change after use); callers hold a lock.</summary>
    public static void EnsureRegistered() => GlobalFontSettings.FontResolver ??= new PdfFonts();

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CoRM.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {faceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
