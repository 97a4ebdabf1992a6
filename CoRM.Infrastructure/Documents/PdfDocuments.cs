using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PdfSharp;

namespace CoRM.Infrastructure.Documents;

/// <summary>Bound from the "Documents" section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";
    public const string Agpl = "AGPL";

    /// <summary>
    /// PDFsharp 6.5 (the only version in the package mirror) refuses to work until a licence is loaded. CoRM itself is
    /// AGPL-3.0 (LICENSE), so PDFsharp's free AGPL-3.0 licence ("AGPL", the default) adds no obligation beyond CoRM's
    /// own: an institution running CoRM offers its source to its users either way. Anything else is taken as a
    /// commercial licence key from empira.
    /// </summary>
    [Required]
    public string PdfLicense { get; set; } = Agpl;
}

/// <summary>Makes PDF writers: loads the configured PDFsharp licence and the embedded fonts once per process.</summary>
public sealed class PdfDocuments(IOptions<DocumentOptions> options)
{
    private static readonly Lock Gate = new();
    private static bool ready;

    internal PdfWriter Create(string title, string author)
    {
        lock (Gate)
        {
            if (!ready)
            {
                if (string.Equals(options.Value.PdfLicense, DocumentOptions.Agpl, StringComparison.OrdinalIgnoreCase)) PdfSharpLicense.SetAgplLicense();
                else PdfSharpLicense.LoadLicense(options.Value.PdfLicense);
                PdfFonts.EnsureRegistered();
                ready = true;
            }
        }
        return new PdfWriter(title, author);
    }
}
