using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record PublicFormRow(int Id, string Slug, PublicFormKind Kind, string Title, bool IsOpen, int Recorded, int Awaiting, IReadOnlyList<int> LastDays, DateTime CreatedAt, Guid Version);

public sealed record SubmissionRow(long Id, DateTime SubmittedAt, FormSubmissionStatus Status, FormMatch Match, int? ConstituentId, string? Name, string? Comment);

public sealed record DayCount(DateOnly Day, int Submissions);

public sealed record PublicFormDetail(PublicFormRow Form, string Text, IReadOnlyList<FormFieldSpec> Fields, string ConsentWording, string ConsentPurpose,
    string? Action, string? Event, IReadOnlyList<DayCount> PerDay, IReadOnlyList<SubmissionRow> Recent);

public sealed record NewPublicForm(PublicFormKind Kind, string Slug, string Title, string Text, IReadOnlyList<FormFieldSpec> Fields,
    string ConsentWording, string ConsentPurpose, int? ActionTypeId, int? EventId, int? SeriesId = null);

/// <summary>The engagement office's side of public forms: create, open and close them, and read their submissions per day.</summary>
public sealed class PublicFormAdministration(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public const int DaysShown = 14;
    public const int DetailDays = 30;
    public const int RecentShown = 50;

    private static readonly CommandOptions Options = CommandOptions.About("form") with
    {
        UniqueIndexMessages = new Dictionary<string, string> { ["IX_PublicForms_Slug"] = "Another form already uses that address." },
    };

    public async Task<IReadOnlyList<PublicFormRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var forms = await db.PublicForms.AsNoTracking().OrderByDescending(f => f.IsOpen).ThenByDescending(f => f.CreatedAt).ToListAsync(ct);
        return await RowsAsync(db, forms, ct);
    }

    public async Task<PublicFormDetail?> GetAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var form = await db.PublicForms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (form is null) return null;
        var row = (await RowsAsync(db, [form], ct))[0];
        var from = time.UtcNow().Date.AddDays(-(DetailDays - 1));
        var days = (await db.FormSubmissions.Where(s => s.FormId == id && s.SubmittedAt >= from).Select(s => s.SubmittedAt).ToListAsync(ct))
            .GroupBy(at => DateOnly.FromDateTime(at)).ToDictionary(g => g.Key, g => g.Count());
        var perDay = Enumerable.Range(0, DetailDays).Select(i => DateOnly.FromDateTime(from.AddDays(i))).Select(d => new DayCount(d, days.GetValueOrDefault(d))).ToList();
        var recent = await db.FormSubmissions.Where(s => s.FormId == id).OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id).Take(RecentShown)
            .Select(s => new SubmissionRow(s.Id, s.SubmittedAt, s.Status, s.Match, s.ConstituentId,
                db.Constituents.Where(c => c.Id == s.ConstituentId).Select(c => c.DisplayName).FirstOrDefault(), s.Comment))
            .ToListAsync(ct);
        var action = form.ActionTypeId is { } typeId ? await db.ActionTypes.Where(t => t.Id == typeId).Select(t => t.Name).SingleAsync(ct) : null;
        var evt = form.EventId is { } eventId ? await db.GivingEvents.Where(e => e.Id == eventId).Select(e => e.Name).SingleAsync(ct)
            : form.SeriesId is { } seriesId ? await db.EventSeries.Where(s => s.Id == seriesId).Select(s => "Programme: " + s.Name).SingleAsync(ct) : null;
        return new PublicFormDetail(row, form.Text, form.Fields, form.ConsentWording, form.ConsentPurpose, action, evt, perDay, recent);
    }

    /// <summary>Free events that have not happened yet: what an RSVP form can reply to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, DateTime StartsAt)>> EventChoicesAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.GivingEvents.Where(e => e.StartsAt > now && e.TicketPrice == 0 && e.SeriesId == null).OrderBy(e => e.StartsAt).Select(e => new { e.Id, e.Name, e.StartsAt }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name, e.StartsAt)).ToList();
    }

    /// <summary>Programmes with a session still to come: an RSVP to one is a place at each of those sessions.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, DateTime NextStart, int SessionsAhead)>> ProgrammeChoicesAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.EventSeries.Select(s => new { s.Id, s.Name, Next = db.GivingEvents.Where(e => e.SeriesId == s.Id && e.StartsAt > now).Min(e => (DateTime?)e.StartsAt),
                Ahead = db.GivingEvents.Count(e => e.SeriesId == s.Id && e.StartsAt > now) })
            .Where(s => s.Next != null).OrderBy(s => s.Next).ToListAsync(ct))
            .Select(s => (s.Id, s.Name, s.Next!.Value, s.Ahead)).ToList();
    }

    public Task<CommandResult> CreateAsync(UserScope user, NewPublicForm request, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            if (request.Kind == PublicFormKind.Petition && request.ActionTypeId is { } typeId
                && !await db.ActionTypes.AnyAsync(t => t.Id == typeId && t.IsActive, ct))
                return CommandResult.Invalid("Choose an action type that is offered.");
            if (request.Kind == PublicFormKind.Rsvp && request.EventId is { } eventId)
            {
                var evt = await db.GivingEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct);
                if (evt is null || evt.StartsAt <= time.UtcNow()) return CommandResult.Invalid("Choose an event that has not happened yet.");
                if (evt.TicketPrice > 0) return CommandResult.Invalid("Paid events sell tickets with a receipt: a public RSVP is for free events only.");
            }
            if (request.Kind == PublicFormKind.Rsvp && request.SeriesId is { } seriesId
                && !await db.GivingEvents.AnyAsync(e => e.SeriesId == seriesId && e.StartsAt > time.UtcNow(), ct))
                return CommandResult.Invalid("Choose a programme with a session still to come.");
            var form = PublicForm.Create(request.Kind, request.Slug, request.Title, request.Text, request.Fields, request.ConsentWording, request.ConsentPurpose,
                request.ActionTypeId, request.EventId, user.ConstituentId, time.UtcNow(), request.SeriesId);
            db.PublicForms.Add(form);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(PublicForm), form.Id, null, form.Slug);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(form.Id);
        }, ct);
    }

    public Task<CommandResult> SetOpenAsync(UserScope user, int id, bool open, Guid version, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var form = await db.PublicForms.SingleOrDefaultAsync(f => f.Id == id, ct);
            if (form is null) return CommandResult.NotFound;
            db.Entry(form).Property(f => f.Version).OriginalValue = version;
            form.IsOpen = open;
            audit.Record(db, user, AuditAction.Update, nameof(PublicForm), form.Id, null, open ? "Opened" : "Closed");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(form.Id);
        }, ct);
    }

    private async Task<IReadOnlyList<PublicFormRow>> RowsAsync(CormDbContext db, IReadOnlyList<PublicForm> forms, CancellationToken ct)
    {
        var ids = forms.Select(f => f.Id).ToList();
        var counts = await db.FormSubmissions.Where(s => ids.Contains(s.FormId)).GroupBy(s => new { s.FormId, s.Status })
            .Select(g => new { g.Key.FormId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var from = time.UtcNow().Date.AddDays(-(DaysShown - 1));
        var recent = (await db.FormSubmissions.Where(s => ids.Contains(s.FormId) && s.SubmittedAt >= from).Select(s => new { s.FormId, s.SubmittedAt }).ToListAsync(ct))
            .GroupBy(s => (s.FormId, Day: (s.SubmittedAt.Date - from).Days)).ToDictionary(g => g.Key, g => g.Count());
        return forms.Select(f => new PublicFormRow(f.Id, f.Slug, f.Kind, f.Title, f.IsOpen,
            counts.Where(c => c.FormId == f.Id && c.Status == FormSubmissionStatus.Recorded).Sum(c => c.Count),
            counts.Where(c => c.FormId == f.Id && c.Status == FormSubmissionStatus.AwaitingConfirmation).Sum(c => c.Count),
            Enumerable.Range(0, DaysShown).Select(d => recent.GetValueOrDefault((f.Id, d))).ToList(), f.CreatedAt, f.Version)).ToList();
    }
}
