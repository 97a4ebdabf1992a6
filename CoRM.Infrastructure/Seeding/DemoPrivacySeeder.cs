using CoRM.Domain.Access;
using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using CoRM.Domain.Identity;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// The data-protection officer and a queue to work: an access request from a donor, an erasure request from a prospect
/// who never applied (no hold), one from a current student (held), and an objection to marketing.
/// </summary>
public static class DemoPrivacySeeder
{
    internal static async Task SeedAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var sara = Constituent.Person("Sara", "Lindqvist", now, DemoSeeder.Personas.DataProtection, new DateOnly(1981, 2, 11));
        sara.Region = "Lisbon";
        sara.Hats.Add(Hat.Wear(HatKind.Staff, today.AddYears(-3)));
        db.Constituents.Add(sara);
        await db.SaveChangesAsync(ct);
        db.PortalUsers.Add(new PortalUser
        {
            ConstituentId = sara.Id, Email = DemoSeeder.Personas.DataProtection, DisplayName = sara.DisplayName, Roles = Roles.DataProtection,
            PersonaDescription = "Data-protection officer: access and erasure requests, retention, audit log",
        });

        var donor = await db.Gifts.OrderBy(g => g.Id).Select(g => g.DonorId).FirstAsync(ct);
        var prospect = await db.InformationRequests.Where(i => !db.AdmissionApplications.Any(a => a.ApplicantId == i.ProspectId))
            .OrderBy(i => i.Id).Select(i => i.ProspectId).FirstAsync(ct);
        var student = await db.ProgrammeEnrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).OrderByDescending(e => e.TermId).ThenBy(e => e.StudentId)
            .Select(e => e.StudentId).FirstAsync(ct);
        var objector = await db.Gifts.Where(g => g.DonorId != donor).OrderBy(g => g.Id).Select(g => g.DonorId).FirstAsync(ct);

        db.PrivacyRequests.AddRange(
            PrivacyRequest.Receive(PrivacyRequestKind.Access, donor, today.AddDays(-9), "Asked by e-mail for a copy of everything the university holds about them.", sara.Id, now.AddDays(-9), today),
            PrivacyRequest.Receive(PrivacyRequestKind.Erasure, prospect, today.AddDays(-25), "Asked at an open day to be forgotten: never applied.", sara.Id, now.AddDays(-25), today),
            PrivacyRequest.Receive(PrivacyRequestKind.Erasure, student, today.AddDays(-3), "Asked by letter to be erased.", sara.Id, now.AddDays(-3), today),
            PrivacyRequest.Receive(PrivacyRequestKind.MarketingObjection, objector, today.AddDays(-2), "Phoned: no more appeals of any kind.", sara.Id, now.AddDays(-2), today));
        db.ConsentRecords.Add(ConsentRecord.Of(objector, ConsentKind.Email, given: true, now.AddYears(-2), "gala registration form", null));
        await db.SaveChangesAsync(ct);
    }
}
