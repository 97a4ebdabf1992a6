using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 4: every page a parent, student or volunteer uses, and the pages outsiders see, on a 390 px phone.
/// A page fails when it scrolls sideways, when a control (a button, link, field or the selected tab) reaches past the
/// screen or is cut off (by a box that hides overflow, or in a region that must be scrolled sideways to reach it), or when text is squeezed into a column too narrow to read (one word per line).
/// Each page is screenshotted (artifacts/screenshots/phone-*.png) to be looked at.
/// </summary>
public sealed class PhoneLayoutTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    // Each persona's pages, then the dialog they open most (on the first page), which must fit too.
    public static TheoryData<string, string[], string> Personas_and_pages => new()
    {
        { Personas.Parent, ["/family", "/family/apply"], "write-to-secretariat" },
        { Personas.Student, ["/my/family-access"], "change-access" },
        { Personas.Volunteer, ["/volunteer"], "cancel-my-shift" },
    };

    [Theory]
    [MemberData(nameof(Personas_and_pages))]
    public async Task A_signed_in_persona_can_use_every_page_on_a_phone(string persona, string[] pages, string dialogOpener)
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator($"[data-testid='sign-in-{persona}']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        var report = new StringBuilder();
        foreach (var path in pages)
        {
            await OpenAsync(page, path);
            await CheckAsync(page, path, persona.Split('@')[0], report);
            // The tabs of a child's card: each one, selected, must show whole.
            var tabs = page.Locator("[data-testid=child-card] [role=tab]");
            for (var i = 0; i < await tabs.CountAsync(); i++)
            {
                await tabs.Nth(i).ClickAsync();
                await page.WaitForTimeoutAsync(200);
                await CheckAsync(page, $"{path} (tab {await tabs.Nth(i).InnerTextAsync()})", $"{persona.Split('@')[0]}-tab{i + 1}", report);
            }
        }
        await OpenAsync(page, pages[0]);
        await page.Locator($"[data-testid={dialogOpener}]").First.ClickAsync();
        await page.Locator(".mud-dialog").First.WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        await CheckAsync(page, $"{pages[0]} (dialog {dialogOpener})", persona.Split('@')[0] + "-dialog", report);
        Assert.True(report.Length == 0, $"At 390 px, for {persona}:\n{report}");
    }

    [Fact]
    public async Task The_pages_outsiders_see_work_on_a_phone()
    {
        var page = await PhoneAsync();
        var report = new StringBuilder();
        foreach (var path in new[] { "/account/sign-in", "/join", "/account/signed-out", "/account/access-denied", "/f/keep-the-library-open", "/f/newsletter", "/u", "/unsubscribe" })
        {
            await OpenAsync(page, path);
            await CheckAsync(page, path, "public", report);
        }
        Assert.True(report.Length == 0, $"At 390 px, on the public pages:\n{report}");
    }

    [Fact]
    public async Task On_a_phone_the_menu_closes_once_a_link_is_followed_and_marks_the_page_it_is_on()
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator($"[data-testid='sign-in-{Personas.Parent}']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.Locator("h1").First.WaitForAsync();
        var links = page.Locator("[data-testid=nav] a.mud-nav-link");
        await page.WaitForTimeoutAsync(500); // the drawer settles to the screen's width
        if ((await links.First.BoundingBoxAsync()) is not { X: >= 0 }) await page.GetByLabel("Toggle navigation").ClickAsync();
        await Assertions.Expect(links.First).ToBeInViewportAsync();
        var target = links.Last;
        var href = await target.GetAttributeAsync("href");
        await target.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
        await Assertions.Expect(target).Not.ToBeInViewportAsync(); // the drawer closed over the page
        await Assertions.Expect(target).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(target).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
        Assert.Equal(1, await page.Locator("[data-testid=nav] a[aria-current=page]").CountAsync());
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        if (new Uri(page.Url).AbsolutePath != path) await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForTimeoutAsync(300); // the first data render after the skeleton
    }

    private async Task CheckAsync(IPage page, string path, string who, StringBuilder report)
    {
        var name = "phone-" + who + path.Replace('/', '-').Split(' ')[0].TrimEnd('-') + (path.Contains("(tab ") ? "-" + path.Split("tab ")[1].TrimEnd(')').ToLowerInvariant().Replace(' ', '-') : "");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(session.ScreenshotDirectory, name + ".png"), FullPage = true });
        var problems = await page.EvaluateAsync<JsonElement>(Probe);
        foreach (var problem in problems.EnumerateArray()) report.AppendLine($"{path}: {problem.GetString()}");
    }

    // What a person on a phone would trip over, found in the page itself.
    private const string Probe = """
        () => {
          const width = window.innerWidth, problems = [];
          const describe = e => (e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}] ` : '') + e.tagName.toLowerCase()
            + ` "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
          const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
          // A region that scrolls sideways on purpose (a wide table) may hold controls off screen; the page may not.
          const inScroller = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth + 1) return p; } return null; };
          if (document.documentElement.scrollWidth > width + 1) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
          for (const e of document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab][aria-selected=true]')) {
            if (!visible(e) || e.closest('.mud-overlay, [aria-hidden=true]')) continue;
            const r = e.getBoundingClientRect();
            // A region may scroll sideways (a wide table of figures), but not to reach a control: a control out of its view is one nobody finds.
            const scroller = inScroller(e);
            if (scroller) { const s = scroller.getBoundingClientRect(); if (r.left < s.left - 1 || r.right > s.right + 1) problems.push(`${describe(e)} is out of view in a region that scrolls sideways`); continue; }
            if (r.left < -1 || r.right > width + 1) { problems.push(`${describe(e)} reaches past the screen (${Math.round(r.left)}–${Math.round(r.right)} px)`); continue; }
            // Cut off by a box that hides what overflows it (a tab bar that slid the selected tab half out of view).
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== 'hidden') continue;
              const c = p.getBoundingClientRect();
              if (r.left < c.left - 1 || r.right > c.right + 1) { problems.push(`${describe(e)} is cut off (${Math.round(r.left)}–${Math.round(r.right)} px in a box of ${Math.round(c.left)}–${Math.round(c.right)} px)`); break; }
            }
          }
          // Text squeezed into a sliver: a block of words in a box narrower than a short word run.
          for (const e of document.querySelectorAll('p, span, div, td, th, li, h1, h2, h3, h4, h5, h6, .mud-typography')) {
            if (!visible(e) || inScroller(e)) continue;
            const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
            if (own.length < 12 || !own.includes(' ')) continue;
            const r = e.getBoundingClientRect();
            const lines = Math.round(r.height / (parseFloat(getComputedStyle(e).lineHeight) || 20));
            if (r.width < 100 && lines >= 3) problems.push(`text "${own.slice(0, 40)}" is squeezed into ${Math.round(r.width)} px (${lines} lines)`);
            if (r.right > width + 1) problems.push(`text "${own.slice(0, 40)}" runs past the screen`);
          }
          return [...new Set(problems)];
        }
        """;
}
