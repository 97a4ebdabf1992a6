using System.Net;
using CoRM.Portal.Tests.Support;

namespace CoRM.Portal.Tests;

/// <summary>Codes typed by people without an account cannot be tried by the thousand; the rest of the portal is not limited.</summary>
public sealed class CodeAttemptLimitTests
{
    [Fact]
    public async Task Guessing_letter_codes_is_cut_off_after_the_limit_and_other_pages_still_answer()
    {
        await using var factory = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Security:CodeAttemptsPerMinute"] = "3" });
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/u/0000{i}-00000")).StatusCode);
        var refused = await client.GetAsync("/u/00009-00000");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Wait a minute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The same window covers the invitation and unsubscribe pages from that address...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/join?code=ABCDE-FGHJK")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/unsubscribe?token=forged")).StatusCode);
        // ...and nothing else.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }
}
