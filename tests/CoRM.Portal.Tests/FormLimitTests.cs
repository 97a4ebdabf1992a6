using Bunit;
using CoRM.Domain.Engagement;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Components.Shared;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>Limits are said, never applied silently: no truncated text, no clamped number.</summary>
public sealed class FormLimitTests : PortalComponentTest
{
    [Fact]
    public async Task A_pasted_message_over_the_limit_is_refused_with_its_length_and_nothing_is_sent_or_cut()
    {
        await SignInAsAsync(Personas.Faculty);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        int interactions;
        await using (var db = await Institution.OpenAsync()) interactions = await db.Interactions.CountAsync(i => i.ConstituentId == tiago);
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<SendMessageDialog>("Send a message", new DialogParameters<SendMessageDialog>
        {
            { d => d.ConstituentId, tiago }, { d => d.ToAddress, Personas.UngrantedChild }, { d => d.Topics, [Topic.Advising] },
        }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=send-message]")), TimeSpan.FromSeconds(10));

        var fields = dialogs.FindComponents<MudTextField<string>>();
        await dialogs.InvokeAsync(() => fields[0].Instance.ValueChanged.InvokeAsync("Checking in"));
        var pasted = new string('x', Infrastructure.Engagement.DirectMessages.BodyMaxLength + 1000);
        await dialogs.InvokeAsync(() => dialogs.FindComponents<MudTextField<string>>()[1].Instance.ValueChanged.InvokeAsync(pasted));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=send-message]").Click());

        dialogs.WaitForAssertion(() => Assert.Contains($"At most {Infrastructure.Engagement.DirectMessages.BodyMaxLength:N0} characters: this is {pasted.Length:N0}.", dialogs.Markup, StringComparison.Ordinal)); // not cut: its whole length is counted
        await using var check = await Institution.OpenAsync();
        Assert.Equal(interactions, await check.Interactions.CountAsync(i => i.ConstituentId == tiago));
    }

    [Theory]
    [InlineData(0, "Between 1 and 500.")]
    [InlineData(501, "Between 1 and 500.")]
    [InlineData(1, null)]
    public void Numbers_outside_their_range_get_a_message_instead_of_being_changed(int value, string? message) =>
        Assert.Equal(message, NumberLimits.Whole(1, 500)(value));

    [Fact]
    public void A_gift_below_a_cent_is_refused_and_an_empty_optional_number_is_fine()
    {
        Assert.Equal("At least 0.01.", NumberLimits.OptionalAmount(0.01m, null)(0m));
        Assert.Null(NumberLimits.OptionalAmount(0.01m, null)(null));
        Assert.Equal("At most 3,650.", NumberLimits.OptionalWhole(null, 3650)(4000));
    }
}

/// <summary>Every amount carries a currency; the institution's is configured and checked at start.</summary>
public sealed class MoneyLabelTests
{
    [Fact]
    public void An_amount_is_written_with_its_currency_and_the_institutions_when_it_has_none()
    {
        Assert.Equal("1,500.00 GBP", Labels.Money(1500m, "GBP"));
        Assert.EndsWith(" " + Labels.Currency, Labels.Money(697m), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("euro", null)]
    [InlineData(null, "xx-NOWHERE")]
    public void A_currency_or_culture_that_does_not_exist_stops_the_start_with_a_message(string? currency, string? culture)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Labels.UseInstitution(currency, culture));
        Assert.Contains("Institution:", error.Message, StringComparison.Ordinal);
    }
}
