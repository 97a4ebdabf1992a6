using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Engagement;

/// <summary>What a member of the public sees of a form: nothing about anyone.</summary>
public sealed record PublicFormView(string Slug, PublicFormKind Kind, string Title, string Text, IReadOnlyList<FormFieldSpec> Fields,
    string ConsentWording, string ConsentPurpose, bool IsOpen, string? EventName, DateTime? EventStartsAt, bool EventFull, int SessionsAhead = 0);

/// <summary>What was typed. <see cref="Website"/> is the bot trap: a field people never see and bots fill in.</summary>
public sealed record FormAnswers(string? FirstName, string? LastName, string? Email, string? Phone, string? Region, string? Comment, bool Consent, string? Website = null);

public enum FormOutcome
{
    /// <summary>Thank you: recorded (or already recorded before: the answer is the same, so nothing about records leaks).</summary>
    Thanks,
    /// <summary>A list sign-up: check your e-mail to confirm.</summary>
    CheckYourEmail,
    /// <summary>An RSVP to a full event: on the waiting list.</summary>
    Waitlisted,
    Invalid,
    Closed,
    TooMany,
    NotFound,
}

public sealed record FormResult(FormOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    public static FormResult Of(FormOutcome outcome) => new(outcome, new Dictionary<string, string>());
}

/// <summary>
/// Public forms: a petition, a mailing-list sign-up (double opt-in) and an RSVP to a free event, filled in without
/// signing in. A submission is matched to an existing person with the one matching rule (or creates one; a look-alike
/// goes to the duplicate queue), records the form's consent statement with its wording and purpose, and adds the action
/// or the place on the guest list. The answer never says whether the person was already on record.
/// </summary>
public sealed class PublicForms(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, PersonLookup lookup, PersonIntake intake,
    IOptions<EmailOptions> email, IOptions<EngagementOptions> options, TimeProvider time, ILogger<PublicForms> logger)
{
    public const string SlugField = "slug";
    public const int CommentMaxLength = 1000;

    public async Task<PublicFormView?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var form = await db.PublicForms.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, ct);
        if (form is null) return null;
        var now = time.UtcNow();
        if (form.SeriesId is { } seriesId)
        {
            // A programme: open while a session is still to come; "full" when every one of them is.
            var series = await db.EventSeries.AsNoTracking().SingleAsync(s => s.Id == seriesId, ct);
            var ahead = await db.GivingEvents.Where(e => e.SeriesId == seriesId && e.StartsAt > now).OrderBy(e => e.StartsAt)
                .Select(e => new { e.StartsAt, e.Capacity, Seats = db.EventRegistrations.Where(r => r.EventId == e.Id && r.CancelledAt == null && !r.Waitlisted).Sum(r => (int?)r.Tickets) ?? 0 })
                .ToListAsync(ct);
            return new PublicFormView(form.Slug, form.Kind, form.Title, form.Text, form.Fields, form.ConsentWording, form.ConsentPurpose,
                form.IsOpen && ahead.Count > 0, series.Name, ahead.FirstOrDefault()?.StartsAt, ahead.Count > 0 && ahead.All(s => s.Capacity is { } c && s.Seats >= c), ahead.Count);
        }
        var evt = form.EventId is { } eventId ? await db.GivingEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct) : null;
        var full = evt?.Capacity is { } capacity && await Seats(db, evt.Id).SumAsync(r => r.Tickets, ct) >= capacity;
        return new PublicFormView(form.Slug, form.Kind, form.Title, form.Text, form.Fields, form.ConsentWording, form.ConsentPurpose,
            form.IsOpen && (evt is null || evt.StartsAt > now), evt?.Name, evt?.StartsAt, full);
    }

    public async Task<FormResult> SubmitAsync(string slug, FormAnswers answers, CancellationToken ct = default)
    {
        var view = await GetAsync(slug, ct);
        if (view is null) return FormResult.Of(FormOutcome.NotFound);
        if (!view.IsOpen) return FormResult.Of(FormOutcome.Closed);
        // A bot filled in the field people never see: thank it and record nothing.
        if (!string.IsNullOrEmpty(answers.Website))
        {
            logger.LogInformation("Public form {Slug}: a submission filled the bot trap and was dropped", slug);
            return FormResult.Of(view.Kind == PublicFormKind.ListSignUp ? FormOutcome.CheckYourEmail : FormOutcome.Thanks);
        }
        var errors = Check(view, answers);
        if (errors.Count > 0) return new FormResult(FormOutcome.Invalid, errors);

        var normalised = EmailAddress.TryNormalise(answers.Email)!;
        var key = EmailKey(normalised);
        var now = time.UtcNow();
        var since = now.AddHours(-1);
        var result = FormResult.Of(view.Kind == PublicFormKind.ListSignUp ? FormOutcome.CheckYourEmail : FormOutcome.Thanks);
        var run = await runner.RunAsync(CommandOptions.About("form", transaction: true), async db =>
        {
            if (await db.FormSubmissions.CountAsync(s => s.EmailKey == key && s.SubmittedAt >= since, ct) >= options.Value.SubmissionsPerAddressPerHour)
            {
                result = FormResult.Of(FormOutcome.TooMany);
                return CommandResult.Ok();
            }
            var form = await db.PublicForms.SingleAsync(f => f.Slug == slug, ct);
            var submission = new FormSubmission { FormId = form.Id, SubmittedAt = now, EmailKey = key, Comment = Clean(answers.Comment) };
            db.FormSubmissions.Add(submission);
            if (form.Kind == PublicFormKind.ListSignUp)
            {
                // Double opt-in: the details wait, on no one's record, until the address's owner confirms.
                var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
                submission.Status = FormSubmissionStatus.AwaitingConfirmation;
                submission.ConfirmationTokenHash = Hash(token);
                submission.PendingDetails = JsonSerializer.Serialize(answers with { Email = normalised, Website = null, Comment = null });
                await db.SaveChangesAsync(ct);
                var link = $"{email.Value.PortalBaseUrl.TrimEnd('/')}/f/confirm?token={token}";
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"form-confirm:{submission.Id}", ToAddress = normalised, ToName = Name(answers), CreatedAt = now,
                    Subject = $"Please confirm: {form.Title}",
                    TextBody = $"Hello {Name(answers)},\n\nSomeone, we hope you, asked to join \"{form.Title}\" with this address. " +
                               $"To confirm, open this link within {FormSubmission.ConfirmationDays} days:\n\n{link}\n\n" +
                               "If it was not you, ignore this message: nothing is recorded unless you confirm.\n",
                });
                await db.SaveChangesAsync(ct);
                return CommandResult.Ok(submission.Id);
            }

            var (person, match) = await MatchOrCreateAsync(db, answers, $"Public form: {form.Slug}", ct);
            submission.ConstituentId = person.Id;
            submission.Match = match;
            var series = form.SeriesId is { } seriesId ? await db.EventSeries.SingleAsync(s => s.Id == seriesId, ct) : null;
            var enrolment = series is null ? null : await RecurringProgrammes.EnrolAsync(db, series, person.Id, now, ct);
            var repeat = form.Kind == PublicFormKind.Petition
                ? await db.Actions.AnyAsync(a => a.ConstituentId == person.Id && a.ActionTypeId == form.ActionTypeId && a.Target == form.Title, ct)
                : series is not null ? enrolment is null : await Taken(db, form.EventId!.Value).AnyAsync(r => r.ConstituentId == person.Id, ct);
            submission.Status = repeat ? FormSubmissionStatus.Repeat : FormSubmissionStatus.Recorded;
            // A repeat gets the answer a newcomer would: "on the waiting list" where a newcomer would wait, so the page never
            // tells a stranger whether someone already has a place.
            if (repeat && form.Kind == PublicFormKind.Rsvp && await NewcomerWouldWaitAsync(db, form, now, ct)) result = FormResult.Of(FormOutcome.Waitlisted);
            if (!repeat)
            {
                if (series is not null)
                {
                    // A programme: a place at every session still to come (in line where one is full), chosen by the one enrolment rule.
                    db.Interactions.Add(Interaction.Log(person.Id, Channel.WebForm, Topic.Engagement, RecurringProgrammes.Subject(series, enrolment!), null, now, null, now, inbound: true));
                    if (enrolment!.Waitlisted > 0) result = FormResult.Of(FormOutcome.Waitlisted);
                }
                else if (form.Kind == PublicFormKind.Petition)
                {
                    var type = await db.ActionTypes.SingleAsync(t => t.Id == form.ActionTypeId, ct);
                    ActionRecords.Add(db, person.Id, type, time.Today(), Channel.WebForm, form.Title, submission.Comment, null, null, null, time.Today(), now);
                }
                else
                {
                    // A full event takes the reply on its waiting list: a place that frees up goes to the first in line.
                    var evt = await db.GivingEvents.SingleAsync(e => e.Id == form.EventId, ct);
                    var sold = await Seats(db, evt.Id).SumAsync(r => r.Tickets, ct);
                    var full = evt.Capacity is { } capacity && sold >= capacity;
                    db.EventRegistrations.Add(full ? evt.Waitlist(person.Id, now) : evt.Register(person.Id, 1, sold, now));
                    db.Interactions.Add(Interaction.Log(person.Id, Channel.WebForm, Topic.Engagement, full ? $"On the waiting list for {evt.Name}" : $"Replied to {evt.Name}", null, now, null, now, inbound: true));
                    if (full) result = FormResult.Of(FormOutcome.Waitlisted);
                }
                db.ConsentRecords.Add(ConsentRecord.Of(person.Id, ConsentKind.Form, true, now, $"public form \"{form.Title}\"", null, form.ConsentWording, form.ConsentPurpose));
            }
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(submission.Id);
        }, ct);
        if (!run.Succeeded) return new FormResult(FormOutcome.Invalid, new Dictionary<string, string> { [""] = run.Message ?? "That did not work: try again." });
        return result;
    }

    /// <summary>
    /// The owner of the address confirms a list sign-up: the person is matched or created, their e-mail consent is given
    /// (with the list's wording and purpose) and the waiting details leave the submission. A token works once, for a week.
    /// </summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return false;
        var hash = Hash(token);
        var now = time.UtcNow();
        var cutoff = now.AddDays(-FormSubmission.ConfirmationDays);
        var confirmed = false;
        var run = await runner.RunAsync(CommandOptions.About("form", transaction: true), async db =>
        {
            var submission = await db.FormSubmissions.SingleOrDefaultAsync(s => s.ConfirmationTokenHash == hash && s.Status == FormSubmissionStatus.AwaitingConfirmation && s.SubmittedAt >= cutoff, ct);
            if (submission?.PendingDetails is null) return CommandResult.Ok();
            var form = await db.PublicForms.SingleAsync(f => f.Id == submission.FormId, ct);
            var answers = JsonSerializer.Deserialize<FormAnswers>(submission.PendingDetails)!;
            var (person, match) = await MatchOrCreateAsync(db, answers, $"Public form: {form.Slug}", ct);
            Privacy.ConsentHistory.Record(db, person, email: true, post: !person.PostOptOut, person.DoNotContact, $"list sign-up \"{form.Title}\", confirmed by e-mail", null, now);
            db.ConsentRecords.Add(ConsentRecord.Of(person.Id, ConsentKind.Form, true, now, $"list sign-up \"{form.Title}\", confirmed by e-mail", null, form.ConsentWording, form.ConsentPurpose));
            db.Interactions.Add(Interaction.Log(person.Id, Channel.WebForm, Topic.Engagement, $"Joined the list: {form.Title}", null, now, null, now, inbound: true));
            (submission.ConstituentId, submission.Match, submission.Status, submission.ConfirmedAt) = (person.Id, match, FormSubmissionStatus.Recorded, now);
            (submission.PendingDetails, submission.ConfirmationTokenHash) = (null, null);
            await db.SaveChangesAsync(ct);
            confirmed = true;
            return CommandResult.Ok(submission.Id);
        }, ct);
        return run.Succeeded && confirmed;
    }

    /// <summary>List sign-ups never confirmed within the week lose their details (they were never on anyone's record).</summary>
    public async Task<int> ExpireUnconfirmedAsync(CancellationToken ct = default)
    {
        var cutoff = time.UtcNow().AddDays(-FormSubmission.ConfirmationDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FormSubmissions.Where(s => s.Status == FormSubmissionStatus.AwaitingConfirmation && s.SubmittedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, FormSubmissionStatus.Expired).SetProperty(x => x.PendingDetails, (string?)null)
                .SetProperty(x => x.ConfirmationTokenHash, (string?)null), ct);
    }

    private async Task<(Constituent Person, FormMatch Match)> MatchOrCreateAsync(CormDbContext db, FormAnswers answers, string source, CancellationToken ct)
    {
        var details = new NewPerson(answers.FirstName?.Trim() ?? "", answers.LastName!.Trim(), answers.Email, answers.Phone, null, Clean(answers.Region), null);
        var match = await lookup.FindAsync(db, PersonIntake.Facts(details), ct);
        // An existing record is never changed by what a stranger typed: only the action, the reply or the consent is added.
        if (match is { Verdict: MatchVerdict.SamePerson, Person: { } known }) return (known, FormMatch.ExistingPerson);
        var created = await intake.CreateAsync(db, null, details, source, match, ct);
        return (created, match.Verdict == MatchVerdict.PossibleDuplicate ? FormMatch.PossibleDuplicate : FormMatch.NewPerson);
    }

    private Dictionary<string, string> Check(PublicFormView form, FormAnswers answers)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(answers.LastName)) errors[nameof(FormAnswers.LastName)] = "Give your family name.";
        else if (answers.LastName.Trim().Length > Constituent.NameMaxLength) errors[nameof(FormAnswers.LastName)] = $"At most {Constituent.NameMaxLength} characters.";
        if (answers.FirstName?.Trim().Length > Constituent.NameMaxLength) errors[nameof(FormAnswers.FirstName)] = $"At most {Constituent.NameMaxLength} characters.";
        if (string.IsNullOrWhiteSpace(answers.Email)) errors[nameof(FormAnswers.Email)] = "Give your e-mail address.";
        else if (EmailAddress.TryNormalise(answers.Email) is null) errors[nameof(FormAnswers.Email)] = $"'{answers.Email.Trim()}' is not an e-mail address.";
        var asked = form.Fields.ToDictionary(f => f.Field);
        void Field(FormField field, string key, string? value, string missing)
        {
            if (!asked.TryGetValue(field, out var spec)) return;
            if (spec.Required && string.IsNullOrWhiteSpace(value)) errors[key] = missing;
        }
        Field(FormField.Phone, nameof(FormAnswers.Phone), answers.Phone, "Give a phone number.");
        Field(FormField.Region, nameof(FormAnswers.Region), answers.Region, "Say where you live.");
        Field(FormField.Comment, nameof(FormAnswers.Comment), answers.Comment, "Write your message.");
        if (!errors.ContainsKey(nameof(FormAnswers.Phone)) && asked.ContainsKey(FormField.Phone) && !string.IsNullOrWhiteSpace(answers.Phone)
            && intake.Problem(new NewPerson("", "x", null, answers.Phone, null, null, null)) is { } phoneProblem)
            errors[nameof(FormAnswers.Phone)] = phoneProblem;
        if (answers.Region?.Trim().Length > Constituent.RegionMaxLength) errors[nameof(FormAnswers.Region)] = $"At most {Constituent.RegionMaxLength} characters.";
        if (answers.Comment?.Trim().Length > CommentMaxLength) errors[nameof(FormAnswers.Comment)] = $"Your message is {answers.Comment.Trim().Length:N0} characters: at most {CommentMaxLength:N0}.";
        if (!answers.Consent) errors[nameof(FormAnswers.Consent)] = "Tick the box to agree to the statement, or we cannot record your answer.";
        return errors;
    }

    private static Task<bool> NewcomerWouldWaitAsync(CormDbContext db, PublicForm form, DateTime now, CancellationToken ct) =>
        db.GivingEvents.Where(e => (form.SeriesId != null ? e.SeriesId == form.SeriesId && e.StartsAt > now : e.Id == form.EventId) && e.Capacity != null)
            .AnyAsync(e => db.EventRegistrations.Where(r => r.EventId == e.Id && r.CancelledAt == null && !r.Waitlisted).Sum(r => (int?)r.Tickets) >= e.Capacity, ct);

    private static IQueryable<Domain.Advancement.EventRegistration> Taken(CormDbContext db, int eventId) =>
        db.EventRegistrations.Where(r => r.EventId == eventId && r.CancelledAt == null);

    /// <summary>Registrations that hold a seat (not the waiting list).</summary>
    internal static IQueryable<Domain.Advancement.EventRegistration> Seats(CormDbContext db, int eventId) => Taken(db, eventId).Where(r => !r.Waitlisted);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Name(FormAnswers answers) => $"{answers.FirstName} {answers.LastName}".Trim();

    /// <summary>The address, hashed: counted per address without keeping it in clear on the submission.</summary>
    internal static string EmailKey(string normalised) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
