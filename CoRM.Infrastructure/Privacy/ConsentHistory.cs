using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Persistence;

namespace CoRM.Infrastructure.Privacy;

/// <summary>
/// Changes a person's contact consents and writes one consent record per consent that changed, in the caller's unit
/// of work: every path that changes a consent (the profile, an unsubscribe link, a letter's code, an objection, an
/// import) goes through here, so the history cannot miss one.
/// </summary>
public static class ConsentHistory
{
    public static void Record(CormDbContext db, Constituent person, bool email, bool post, bool doNotContact, string how, int? recordedById, DateTime at)
    {
        Change(db, person, ConsentKind.Email, given: email, wasGiven: !person.EmailOptOut, how, recordedById, at);
        Change(db, person, ConsentKind.Post, given: post, wasGiven: !person.PostOptOut, how, recordedById, at);
        Change(db, person, ConsentKind.AnyContact, given: !doNotContact, wasGiven: !person.DoNotContact, how, recordedById, at);
        person.EmailOptOut = !email;
        person.PostOptOut = !post;
        person.DoNotContact = doNotContact;
    }

    private static void Change(CormDbContext db, Constituent person, ConsentKind kind, bool given, bool wasGiven, string how, int? recordedById, DateTime at)
    {
        if (given == wasGiven) return;
        db.ConsentRecords.Add(ConsentRecord.Of(person.Id, kind, given, at, how, recordedById));
    }
}
