using CoRM.Domain.Access;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>How an Entra sign-in finds its portal user: by object id, else once by e-mail; unknown people get nothing.</summary>
public sealed class PortalUserDirectoryTests : InstitutionTest
{
    [Fact]
    public async Task A_first_sign_in_links_by_email_then_the_object_id_alone_is_enough()
    {
        var directory = Institution.Get<PortalUserDirectory>();
        var first = await directory.LinkEntraUserAsync("oid-helena", "Helena.Marques@northfield.example.edu", [Roles.Faculty, "SomethingElse"], "10.0.0.1");
        Assert.NotNull(first);
        Assert.Equal([Roles.Faculty], first.Roles);

        var again = await directory.LinkEntraUserAsync("oid-helena", null, [Roles.Faculty, Roles.StudentSuccess], null);
        Assert.Equal(first.ConstituentId, again!.ConstituentId);
        Assert.Equal([Roles.Faculty, Roles.StudentSuccess], again.Roles); // roles follow the token each time

        await using var db = await Institution.OpenAsync();
        Assert.Equal("oid-helena", await db.PortalUsers.Where(u => u.Email == Personas.Faculty).Select(u => u.ExternalObjectId).SingleAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == Domain.Auditing.AuditAction.SignIn && a.RecordId == first.PortalUserId.ToString()));
    }

    [Fact]
    public async Task An_email_already_linked_to_another_account_or_unknown_gets_nothing()
    {
        var directory = Institution.Get<PortalUserDirectory>();
        Assert.NotNull(await directory.LinkEntraUserAsync("oid-1", Personas.Admissions, [Roles.Admissions], null));
        Assert.Null(await directory.LinkEntraUserAsync("oid-2", Personas.Admissions, [Roles.Admissions], null));
        Assert.Null(await directory.LinkEntraUserAsync("oid-3", "stranger@example.com", [Roles.Admin], null));
        Assert.Null(await directory.LinkEntraUserAsync("oid-4", null, [Roles.Admin], null));
    }
}
