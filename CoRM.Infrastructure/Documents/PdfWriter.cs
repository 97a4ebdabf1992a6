using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CoRM.Infrastructure.Documents;

/// <summary>
/// A top-to-bottom writer over A4 pages: text, wrapped paragraphs, simple tables; a new page when the current one is full.
/// Enough for receipts and letters, with the layout in one place.
/// </summary>
internal sealed class PdfWriter : IDisposable
{
    public const double Margin = 56; // ~2 cm
    private readonly PdfDocument document = new();
    private readonly XFont regular;
    private readonly XFont bold;
    private readonly XFont small;
    private readonly XFont title;
    private PdfPage? page;
    private XGraphics? gfx;
    private double y;

    /// <summary>Made by <see cref="PdfDocuments"/>, which has loaded the licence and fonts first.</summary>
    internal PdfWriter(string documentTitle, string author)
    {
        document.Info.Title = documentTitle;
        document.Info.Author = author;
        document.Info.Creator = "CoRM";
        regular = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular);
        bold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold);
        small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        title = new XFont(PdfFonts.Family, 16, XFontStyleEx.Bold);
    }

    public int PageCount => document.PageCount;
    private double Width => page!.Width.Point - 2 * Margin;
    private double Bottom => page!.Height.Point - Margin;

    public void NewPage()
    {
        gfx?.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    public void Title(string text)
    {
        Ensure(30);
        gfx!.DrawString(text, title, XBrushes.Black, new XRect(Margin, y, Width, 22), XStringFormats.TopLeft);
        y += 28;
    }

    public void Text(string text, bool strong = false, bool muted = false)
    {
        Ensure(14);
        gfx!.DrawString(text, strong ? bold : muted ? small : regular, muted ? XBrushes.DimGray : XBrushes.Black, new XRect(Margin, y, Width, 14), XStringFormats.TopLeft);
        y += muted ? 11 : 14;
    }

    /// <summary>Label on the left, value on the right of the same line.</summary>
    public void Pair(string label, string value, bool strong = false)
    {
        Ensure(14);
        gfx!.DrawString(label, regular, XBrushes.Black, new XRect(Margin, y, Width * 0.6, 14), XStringFormats.TopLeft);
        gfx.DrawString(value, strong ? bold : regular, XBrushes.Black, new XRect(Margin, y, Width, 14), XStringFormats.TopRight);
        y += 14;
    }

    /// <summary>Wrapped text; line breaks in the text are kept. Long text flows onto further pages.</summary>
    public void Paragraph(string text)
    {
        foreach (var block in text.Replace("\r\n", "\n").Split('\n'))
        {
            var lines = Wrap(block.Length == 0 ? " " : block);
            foreach (var line in lines)
            {
                Ensure(13);
                gfx!.DrawString(line, regular, XBrushes.Black, new XRect(Margin, y, Width, 13), XStringFormats.TopLeft);
                y += 13;
            }
        }
    }

    /// <summary>A row of cells; the first column is left-aligned, the others right-aligned, at the given fractions of the width.</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, bool header = false)
    {
        Ensure(15);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var w = Width * widths[i];
            gfx!.DrawString(cells[i], header ? bold : regular, XBrushes.Black, new XRect(x, y, w - 4, 14), i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
            x += w;
        }
        y += 15;
        if (header) Rule();
    }

    public void Rule()
    {
        Ensure(6);
        gfx!.DrawLine(XPens.Gray, Margin, y, Margin + Width, y);
        y += 6;
    }

    public void Space(double points) => y += points;

    public byte[] ToBytes()
    {
        gfx?.Dispose();
        gfx = null;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        gfx?.Dispose();
        document.Dispose();
    }

    private void Ensure(double height)
    {
        if (page is null || y + height > Bottom) NewPage();
    }

    private List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var measure = gfx ?? XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && measure.MeasureString(candidate, regular).Width > (page is null ? 483 : Width))
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        lines.Add(current);
        return lines;
    }
}
