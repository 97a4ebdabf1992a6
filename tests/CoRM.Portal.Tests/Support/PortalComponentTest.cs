using System.Security.Claims;
using Bunit;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Tests.Support;
using CoRM.Portal.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CoRM.Portal.Tests.Support;

/// <summary>
/// bUnit with MudBlazor, the portal's real authorization policies (not bUnit's fake policy list), and
/// the feature services of a real seeded SQLite institution.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    protected TestInstitution Institution { get; private set; } = default!;

    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        CoRM.Portal.Components.Layout.ErrorsFirstSnackbar.Decorate(Services);
        // bUnit pre-registers placeholders that the TryAdd calls of AddAuthorizationCore would keep.
        Services.AddAuthorizationCore(Policies.Add);
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider, SwitchableAuthenticationState>();
        Services.AddScoped<ClientOrigin>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<Components.Shared.ViewerClock>();
    }

    public virtual async Task InitializeAsync()
    {
        Institution = await TestInstitution.CreateAsync();
        foreach (var type in new[] { typeof(ConstituentRecords), typeof(ConstituentSearch), typeof(FollowUpBoard), typeof(StaffDashboard), typeof(Infrastructure.StudentSuccess.StudentAcademicRecord), typeof(Infrastructure.StudentSuccess.AdviseeList), typeof(Infrastructure.StudentSuccess.RiskModelCards), typeof(Infrastructure.Volunteering.VolunteerRecords), typeof(Infrastructure.Volunteering.VolunteerScheduling), typeof(Infrastructure.Families.FamilyDashboard), typeof(Infrastructure.Families.FamilyAccess), typeof(Infrastructure.Families.FamilyRequests), typeof(Infrastructure.Families.ParentInvitations), typeof(Infrastructure.Admissions.AdmissionsBoard), typeof(Infrastructure.Admissions.AdmissionsPipeline), typeof(Infrastructure.Advancement.GivingRecords), typeof(Infrastructure.Advancement.Segments), typeof(Infrastructure.Advancement.Receipts), typeof(Infrastructure.Advancement.GivingEvents), typeof(RecordMerges), typeof(DuplicateQueue), typeof(ContactImport), typeof(PersonLookup), typeof(PersonIntake), typeof(Infrastructure.Imports.SavedMappings), typeof(TimeProvider), typeof(Infrastructure.Cases.CaseFlags), typeof(Infrastructure.Cases.CallerLookup), typeof(Infrastructure.Cases.CaseFiles), typeof(Infrastructure.Cases.CaseIntake), typeof(Infrastructure.Cases.BreakGlass), typeof(Infrastructure.Cases.CaseTypes), typeof(Infrastructure.Cases.Caseloads), typeof(Microsoft.Extensions.Options.IOptions<Infrastructure.Cases.CaseOptions>), typeof(Infrastructure.Privacy.ConsentHistoryQuery), typeof(Infrastructure.Privacy.PrivacyRequests), typeof(Infrastructure.Privacy.RetentionRules), typeof(Infrastructure.Volunteering.CalendarFeeds), typeof(Infrastructure.Auditing.AuditLog), typeof(Infrastructure.Engagement.ActionRecords), typeof(Infrastructure.Engagement.ActionTypes), typeof(Infrastructure.Engagement.EngagementRecords), typeof(Infrastructure.Engagement.EngagementSettings), typeof(Infrastructure.Engagement.MissionDashboard), typeof(Infrastructure.Engagement.PublicFormAdministration), typeof(Infrastructure.Engagement.Tags), typeof(Infrastructure.Engagement.RecurringProgrammes), typeof(Infrastructure.Engagement.EngagementRules), typeof(Infrastructure.Email.MailProgress), typeof(Infrastructure.Engagement.DirectMessages), typeof(Infrastructure.Identity.TimeZonePreference) })
            Services.AddSingleton(type, Institution.Services.GetRequiredService(type));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Institution.DisposeAsync();
    }

    /// <summary>Signs a demo persona in, with the same claims the sign-in endpoint issues.</summary>
    protected async Task SignInAsAsync(string email)
    {
        await using var db = await Institution.OpenAsync();
        var user = await db.PortalUsers.AsNoTracking().SingleAsync(u => u.Email == email);
        var signedIn = new SignedInUser(user.Id, user.ConstituentId, user.DisplayName, user.Email, user.RoleList);
        var identity = new ClaimsIdentity(CormClaims.For(signedIn), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        ((SwitchableAuthenticationState)Services.GetRequiredService<AuthenticationStateProvider>()).Set(new ClaimsPrincipal(identity));
    }
}

public sealed class SwitchableAuthenticationState : AuthenticationStateProvider
{
    private ClaimsPrincipal principal = new(new ClaimsIdentity());

    public void Set(ClaimsPrincipal user)
    {
        principal = user;
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
}
