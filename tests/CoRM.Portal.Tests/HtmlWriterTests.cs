using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Portal.Components.Pages.StudentSuccess;
using CoRM.Portal.Components.Shared;

namespace CoRM.Portal.Tests;

/// <summary>Rows written as one piece of markup (HtmlWriter) carry people's names and notes: nothing in them is HTML.</summary>
public sealed class HtmlWriterTests
{
    [Fact]
    public void Text_and_attribute_values_are_encoded_and_a_null_attribute_is_left_out()
    {
        var html = new HtmlWriter()
            .Open("td", ("class", "cell"), ("title", "say \"hi\" <b>"), ("data-none", null))
            .Element("a", "<script>alert(1)</script> & co", ("href", "/x?a=1&b=\"2\""))
            .Close()
            .ToMarkup().Value;

        Assert.Equal(
            "<td class=\"cell\" title=\"say &quot;hi&quot; &lt;b&gt;\"><a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a></td>",
            html);
    }

    [Fact]
    public void Letters_beyond_ascii_are_kept_as_they_are()
    {
        Assert.Equal("<span>João Brandão · 1/2 → 2/2</span>", new HtmlWriter().Element("span", "João Brandão · 1/2 → 2/2").ToMarkup().Value);
    }

    [Theory]
    [InlineData("td onclick")]
    [InlineData("TD")]
    [InlineData("a\"")]
    [InlineData("")]
    public void A_name_that_is_not_a_plain_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open(name));
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open("td", (name, "x")));
    }

    [Fact]
    public void Elements_must_be_closed_and_closed_only_once()
    {
        Assert.Throws<InvalidOperationException>(() => new HtmlWriter().Open("td").ToMarkup());
        Assert.Throws<InvalidOperationException>(() => new HtmlWriter().Open("td").Close().Close());
    }

    [Fact]
    public void An_advisee_row_shows_a_hostile_name_and_factor_as_text()
    {
        var row = new AdviseeSummary
        {
            Id = 42,
            DisplayName = "<img src=x onerror=alert(1)>",
            Programme = "CS\"><script>",
            Region = "North",
            AdvisedSince = new DateOnly(2025, 9, 1),
            OpenFollowUps = 2,
            OverdueFollowUps = 1,
            RiskScore = 0.72,
            RiskBand = RiskBand.High,
            RiskFactors = null,
        };

        var html = MyAdvisees.RowCells(row, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)).Value;

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/constituents/42\"", html, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-error", html, StringComparison.Ordinal);
        Assert.Contains(">1 overdue<", html, StringComparison.Ordinal);
        Assert.Contains(">never<", html, StringComparison.Ordinal);
        Assert.Equal(7, html.Split("<td ").Length - 1);
    }
}
